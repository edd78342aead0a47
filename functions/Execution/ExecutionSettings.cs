using System.Globalization;
using Alchemiser.Core.Errors;

namespace Alchemiser.Execution;

/// <summary>
/// How Execution walks the spread and guards buying power. Defaults: limit steps at 50 %, 75 % and 95 % of the spread,
/// 10 s per step, a poll every second, 30 s for a market order or a cancel to become final, quotes older than 60 s
/// ignored, 0.5 % of buying power held back, and the queue's 3 receives before the dead-letter queue.
/// </summary>
public sealed record ExecutionSettings
{
    /// <summary>The largest number of limit steps (the step number is part of the client order id).</summary>
    public const int MaxLimitSteps = 9;

    /// <summary>
    /// Where each limit step prices inside the spread: a buy at bid + f × spread, a sell at ask − f × spread. At least
    /// one step; each in [0, 1]; strictly increasing, so every step is more aggressive than the one before.
    /// </summary>
    public IReadOnlyList<decimal> StepFractions { get; init; } = [0.50m, 0.75m, 0.95m];

    /// <summary>How long each limit step rests before the next replaces it.</summary>
    public TimeSpan StepWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an order that must become final is looked at again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a market order, or a cancel, may take to become final before execution gives up on this delivery.</summary>
    public TimeSpan FinalStateTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A quote older than this is not used for pricing; the last trade is used instead.</summary>
    public TimeSpan QuoteStalenessLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The share of buying power the buy phase leaves unspent, in [0, 1).</summary>
    public decimal BuyingPowerBuffer { get; init; } = 0.005m;

    /// <summary>The execution queue's receive count at which a failed message goes to the dead-letter queue.</summary>
    public int MaxReceiveCount { get; init; } = 3;

    /// <summary>Throws a <see cref="ConfigurationException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (StepFractions is null || StepFractions.Count == 0 || StepFractions.Count > MaxLimitSteps)
        {
            throw Invalid(
                $"step fractions must list 1 to {MaxLimitSteps} limit steps, got {StepFractions?.Count ?? 0}",
                "set the step fractions as increasing shares of the spread, e.g. 0.50, 0.75, 0.95");
        }

        for (var i = 0; i < StepFractions.Count; i++)
        {
            var fraction = StepFractions[i];
            if (fraction < 0m || fraction > 1m)
            {
                throw Invalid($"step fraction {i + 1} must be in [0, 1], got {Format(fraction)}", "express each step as a share of the spread between 0 and 1");
            }

            if (i > 0 && fraction <= StepFractions[i - 1])
            {
                throw Invalid(
                    $"step fractions must increase, but step {i + 1} ({Format(fraction)}) is not above step {i} ({Format(StepFractions[i - 1])})",
                    "order the step fractions from the most passive to the most aggressive");
            }
        }

        Positive(StepWait, "step wait", "e.g. 10 seconds");
        Positive(PollInterval, "poll interval", "e.g. 1 second");
        Positive(FinalStateTimeout, "final-state timeout", "e.g. 30 seconds");
        Positive(QuoteStalenessLimit, "quote staleness limit", "e.g. 60 seconds");
        if (PollInterval > FinalStateTimeout)
        {
            throw Invalid(
                $"poll interval ({Format(PollInterval)}) exceeds the final-state timeout ({Format(FinalStateTimeout)})",
                "poll at least once within the final-state timeout");
        }

        if (BuyingPowerBuffer < 0m || BuyingPowerBuffer >= 1m)
        {
            throw Invalid($"buying-power buffer must be in [0, 1), got {Format(BuyingPowerBuffer)}", "set the buffer as a share of buying power, e.g. 0.005");
        }

        if (MaxReceiveCount < 1)
        {
            throw Invalid(
                $"max receive count must be at least 1, got {MaxReceiveCount.ToString(CultureInfo.InvariantCulture)}",
                "set it to the execution queue's maxReceiveCount (3)");
        }
    }

    private static void Positive(TimeSpan value, string name, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            throw Invalid($"{name} must be above zero, got {Format(value)}", $"set the {name}, {example}");
        }
    }

    private static ConfigurationException Invalid(string message, string hint) => new($"execution settings: {message}", hint);

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
