using System.Globalization;
using Alchemiser.Alpaca.Tests.Support;

namespace Alchemiser.Alpaca.Tests;

/// <summary>The shared request budget: never more than its requests in any rolling minute, and a stop until Alpaca's reset when it says the quota is spent.</summary>
public sealed class RequestBudgetTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The most requests that fell in one rolling minute (a window starting at any request).</summary>
    private static int BusiestMinute(IReadOnlyList<DateTimeOffset> times) =>
        times.Count == 0 ? 0 : times.Max(start => times.Count(t => t >= start && t < start + Minute));

    [Fact]
    public async Task A_budget_lets_its_requests_through_at_once_then_waits_for_the_oldest_to_leave_the_minute()
    {
        var clock = new FakeClock();
        var start = clock.UtcNow;
        var budget = new AlpacaRequestBudget(3, clock, clock);

        await budget.AcquireAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await budget.AcquireAsync();
        await budget.AcquireAsync();
        Assert.Empty(clock.Delays);

        await budget.AcquireAsync();

        Assert.Equal(start + Minute, clock.UtcNow);
        Assert.Equal(4, budget.RequestsSent);
    }

    [Fact]
    public async Task When_alpaca_says_the_quota_is_spent_nothing_goes_out_before_the_reset()
    {
        var clock = new FakeClock();
        var budget = new AlpacaRequestBudget(200, clock, clock);
        var reset = clock.UtcNow.AddSeconds(20);

        budget.Observe(remaining: 0, reset);
        await budget.AcquireAsync();

        Assert.Equal(reset, clock.UtcNow);
        Assert.Equal(reset, budget.BlockedUntil);
    }

    [Fact]
    public async Task Quota_left_or_a_reset_already_past_does_not_stop_anything()
    {
        var clock = new FakeClock();
        var budget = new AlpacaRequestBudget(200, clock, clock);

        budget.Observe(remaining: 5, clock.UtcNow.AddSeconds(20));
        budget.Observe(remaining: 0, clock.UtcNow.AddSeconds(-5));
        await budget.AcquireAsync();

        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task A_reset_far_in_the_future_waits_at_most_a_minute()
    {
        var clock = new FakeClock();
        var start = clock.UtcNow;
        var budget = new AlpacaRequestBudget(200, clock, clock);

        budget.Observe(remaining: 0, clock.UtcNow.AddHours(3));
        await budget.AcquireAsync();

        Assert.Equal(start + Minute, clock.UtcNow);
    }

    [Fact]
    public async Task Under_a_429_storm_the_client_never_sends_more_than_its_budget_in_any_rolling_minute()
    {
        const int perMinute = 10;
        using var t = new TestAlpaca(AlpacaOptions.Paper with { RequestsPerMinute = perMinute, MaxReadRetries = 6, RetryBaseDelay = TimeSpan.FromMilliseconds(50), RetryMaxDelay = TimeSpan.FromSeconds(1) });
        var answered = 0;
        t.Alpaca.Otherwise(request =>
        {
            // The first 60 requests are refused; every third refusal says when the quota refills, as Alpaca's does.
            var n = Interlocked.Increment(ref answered);
            if (n > 60)
            {
                return ScriptedAlpaca.Response(200, Fixture.Text("LegacyClock"));
            }

            return n % 3 == 0
                ? ScriptedAlpaca.Response(429, "{\"message\":\"rate limit exceeded\"}", ("X-Ratelimit-Remaining", "0"), ("X-Ratelimit-Reset", request.At!.Value.AddSeconds(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))
                : ScriptedAlpaca.Response(429, "{\"message\":\"rate limit exceeded\"}");
        });

        var reads = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Record.ExceptionAsync(() => t.Client.GetClockAsync())));

        var times = t.Alpaca.Requests.Select(r => r.At!.Value).ToArray();
        Assert.True(times.Length > 60, $"the storm was only {times.Length} requests");
        Assert.True(BusiestMinute(times) <= perMinute, $"{BusiestMinute(times)} requests in one minute");
        Assert.Equal(times.Length, t.Client.Budget.RequestsSent);
        Assert.Contains(reads, e => e is null); // the storm passes and reads succeed again
    }

    [Fact]
    public async Task Clients_sharing_a_budget_stay_within_it_together()
    {
        var clock = new FakeClock();
        var shared = new AlpacaRequestBudget(5, clock, clock);
        using var first = new TestAlpaca(budget: shared, clock: clock);
        using var second = new TestAlpaca(budget: shared, clock: clock);
        first.Alpaca.Otherwise(_ => ScriptedAlpaca.Response(200, Fixture.Text("LegacyClock")));
        second.Alpaca.Otherwise(_ => ScriptedAlpaca.Response(200, Fixture.Text("LegacyClock")));

        for (var i = 0; i < 8; i++)
        {
            await first.Client.GetClockAsync();
            await second.Client.GetClockAsync();
        }

        var times = first.Alpaca.Requests.Concat(second.Alpaca.Requests).Select(r => r.At!.Value).ToArray();
        Assert.Equal(16, shared.RequestsSent);
        Assert.Equal(5, BusiestMinute(times));
        Assert.Same(shared, first.Client.Budget);
    }
}
