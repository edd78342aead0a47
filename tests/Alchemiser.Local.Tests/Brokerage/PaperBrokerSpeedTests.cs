using System.Diagnostics;

namespace Alchemiser.Local.Tests.Brokerage;

/// <summary>Runs alone, so the process's CPU time is this test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "runs alone";
}

/// <summary>A simulated afternoon costs well under a second of CPU, so a whole simulated day of runs stays quick.</summary>
[Collection(AloneCollection.Name)]
public sealed class PaperBrokerSpeedTests : IDisposable
{
    private readonly PaperBrokerSimulatedDayTests _day = new();

    public void Dispose() => _day.Dispose();

    [Fact]
    public async Task Thirty_orders_walked_through_three_limit_steps_then_market_take_well_under_a_second_of_cpu()
    {
        await _day.WalkTheSpread("warm-up.db");
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;

        await _day.WalkTheSpread("timed.db");

        process.Refresh();
        var used = process.TotalProcessorTime - before;
        Assert.True(used < TimeSpan.FromSeconds(0.5), $"the afternoon used {used.TotalMilliseconds:F0} ms of CPU");
    }
}
