using Alchemiser.Core.Sessions;
using static Alchemiser.Local.Tests.Sessions.SessionSamples;

namespace Alchemiser.Local.Tests.Sessions;

/// <summary>
/// The specification of <see cref="IAggregationSessionStore"/> that every implementation passes: derive, and return a
/// fresh, empty store from <see cref="CreateStore"/>. Nothing here knows how a store keeps its sessions.
/// </summary>
public abstract class AggregationSessionStoreContract
{
    private IAggregationSessionStore? _store;

    /// <summary>The store under test, created on first use.</summary>
    protected IAggregationSessionStore Store => _store ??= CreateStore();

    /// <summary>A new store holding no session.</summary>
    protected abstract IAggregationSessionStore CreateStore();

    // ---- create and read ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_created_session_reads_back_with_every_field_exactly()
    {
        var at = Start.AddTicks(1_234_567);
        var strategies = new[]
        {
            new SessionStrategy("momentum", "strategies/ünïcode \"quoted\" \\ momentum.clj", 0.3333333333333333333333333333m),
            new SessionStrategy("carry", "strategies/carry.clj", 0.500m),
            new SessionStrategy("value", "strategies/value.clj", 0.1666666666666666666666666667m),
        };
        var results = new[]
        {
            new StrategyResult("momentum", true, Allocation(("AAPL", 0.25m), ("BRK.B", 0.7500m), ("Z", 0.0000000000000000000000000001m)), null, null, "ev-1", at.AddSeconds(1)),
            new StrategyResult("carry", false, null, "data", "no bars for 'XYZ' after 2024-03-14\nsecond line", "ev-2", at.AddSeconds(2)),
        };
        var session = new AggregationSession(
            "run-1", "corr-1", Date, "paper", "partial", strategies, at, at.AddMinutes(10), at.AddDays(7),
            SessionStatus.Completed, results, "aggregator-7", at.AddMinutes(3), "signal-1");

        Assert.True(await Store.TryCreateAsync(session));
        var read = await Store.GetAsync("run-1");

        Assert.NotNull(read);
        Assert.Equal(SessionText.Of(session), SessionText.Of(read));
    }

    [Fact]
    public async Task Timestamps_read_back_as_the_same_instant_in_utc_to_the_tick()
    {
        var newYork = TimeSpan.FromHours(-4);
        var at = new DateTimeOffset(2024, 3, 15, 15, 30, 0, newYork).AddTicks(9_999_999);
        var session = NewSession("run-1", createdAt: at) with { ClaimExpiresAt = at.AddTicks(1), Status = SessionStatus.Completing, ClaimedBy = "a" };
        var result = Success("s01") with { RecordedAt = at.AddTicks(3) };

        await Store.TryCreateAsync(session);
        var recorded = (await Store.RecordResultAsync("run-1", result)).Session;
        var read = (await Store.GetAsync("run-1"))!;

        foreach (var s in new[] { recorded, read })
        {
            AssertUtc(at, s.CreatedAt);
            AssertUtc(at.AddMinutes(10), s.Deadline);
            AssertUtc(at + AggregationSession.TimeToLive, s.ExpiresAt);
            AssertUtc(at.AddTicks(1), s.ClaimExpiresAt!.Value);
            AssertUtc(at.AddTicks(3), Assert.Single(s.Results).RecordedAt);
        }
    }

    [Fact]
    public async Task Allocations_read_back_with_their_keys_in_ordinal_order()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        var given = Allocation(("spy", 0.1m), ("SPY", 0.2m), ("BRK.B", 0.3m), ("Ä", 0.15m), ("QQQ", 0.25m));

        var recorded = await Store.RecordResultAsync("run-1", Success("s01") with { Allocation = given });
        var read = (await Store.GetAsync("run-1"))!;

        string[] ordinal = ["BRK.B", "QQQ", "SPY", "spy", "Ä"];
        Assert.Equal(ordinal, Assert.Single(recorded.Session.Results).Allocation!.Keys);
        Assert.Equal(ordinal, Assert.Single(read.Results).Allocation!.Keys);
        Assert.Equal(0.15m, read.Results[0].Allocation!["Ä"]);
    }

    [Fact]
    public async Task The_store_keeps_its_own_copy_of_what_it_is_given()
    {
        var strategies = Strategies(2);
        var session = NewSession("run-1") with { Strategies = strategies };
        var allocation = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["SPY"] = 1m };
        await Store.TryCreateAsync(session);
        await Store.RecordResultAsync("run-1", Success("s01") with { Allocation = allocation });

        strategies[0] = new SessionStrategy("changed", "changed.clj", 9m);
        allocation["SPY"] = 0.5m;
        allocation["QQQ"] = 0.5m;

        var read = (await Store.GetAsync("run-1"))!;
        Assert.Equal(["s01", "s02"], read.Strategies.Select(s => s.StrategyId));
        Assert.Equal([new KeyValuePair<string, decimal>("SPY", 1m)], read.Results[0].Allocation!);
    }

    [Fact]
    public async Task An_unknown_session_reads_as_null()
    {
        await Store.TryCreateAsync(NewSession("run-1"));

        Assert.Null(await Store.GetAsync("run-2"));
    }

    [Fact]
    public async Task Creating_a_session_whose_id_exists_fails_and_leaves_the_original_untouched()
    {
        var original = NewSession("run-1", strategies: 2);
        await Store.TryCreateAsync(original);
        await Store.RecordResultAsync("run-1", Success("s01"));
        var before = SessionText.Of((await Store.GetAsync("run-1"))!);

        var again = NewSession("run-1", strategies: 5, stage: "live", createdAt: Start.AddHours(1)) with { Results = [Success("s03")] };

        Assert.False(await Store.TryCreateAsync(again));
        Assert.Equal(before, SessionText.Of((await Store.GetAsync("run-1"))!));
    }

    [Fact]
    public async Task A_session_that_lists_a_strategy_twice_is_rejected()
    {
        var session = NewSession("run-1") with { Strategies = [.. Strategies(2), Strategies(1)[0]] };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryCreateAsync(session));
        Assert.Null(await Store.GetAsync("run-1"));
    }

    [Fact]
    public async Task A_session_created_with_a_result_for_a_strategy_it_does_not_expect_is_rejected()
    {
        var session = NewSession("run-1") with { Results = [Success("s09")] };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryCreateAsync(session));
        Assert.Null(await Store.GetAsync("run-1"));
    }

    // ---- results --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Recording_a_result_adds_it_and_returns_the_session_as_it_now_stands()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        var result = Success("s02", "ev-2", ("SPY", 0.6m), ("TLT", 0.4m));

        var outcome = await Store.RecordResultAsync("run-1", result);

        Assert.True(outcome.Recorded);
        Assert.Equal(SessionText.Of(result), SessionText.Of(Assert.Single(outcome.Session.Results)));
        Assert.Equal(1, outcome.Session.ReceivedCount);
        Assert.False(outcome.Session.IsComplete);
        Assert.Equal(SessionText.Of(outcome.Session), SessionText.Of((await Store.GetAsync("run-1"))!));
    }

    [Fact]
    public async Task A_second_result_for_the_same_strategy_is_ignored_and_the_first_is_kept()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        var first = Success("s01", "ev-first", ("SPY", 1m));
        await Store.RecordResultAsync("run-1", first);

        var second = await Store.RecordResultAsync("run-1", Failure("s01", "ev-second", "strategy", "retry produced an error"));

        Assert.False(second.Recorded);
        Assert.Equal(SessionText.Of(first), SessionText.Of(Assert.Single(second.Session.Results)));
        Assert.Equal(SessionText.Of(first), SessionText.Of(Assert.Single((await Store.GetAsync("run-1"))!.Results)));
    }

    [Fact]
    public async Task A_result_for_a_strategy_the_session_does_not_expect_throws_and_records_nothing()
    {
        await Store.TryCreateAsync(NewSession("run-1"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RecordResultAsync("run-1", Success("not-expected")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RecordResultAsync("run-1", Success("S01")));
        Assert.Empty((await Store.GetAsync("run-1"))!.Results);
    }

    [Fact]
    public async Task A_result_for_an_unknown_session_throws()
    {
        await Store.TryCreateAsync(NewSession("run-1"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RecordResultAsync("run-2", Success("s01")));
        Assert.Null(await Store.GetAsync("run-2"));
    }

    [Fact]
    public async Task Results_are_listed_in_the_order_of_the_sessions_strategies_whatever_order_they_arrived_in()
    {
        await Store.TryCreateAsync(NewSession("run-1", strategies: 4));

        foreach (var id in new[] { "s04", "s02", "s03" })
        {
            await Store.RecordResultAsync("run-1", Success(id));
        }

        Assert.Equal(["s02", "s03", "s04"], (await Store.GetAsync("run-1"))!.Results.Select(r => r.StrategyId));
    }

    [Fact]
    public async Task The_session_is_complete_with_the_result_of_its_last_expected_strategy()
    {
        await Store.TryCreateAsync(NewSession("run-1", strategies: 3));

        var outcomes = new List<RecordOutcome>();
        foreach (var id in new[] { "s03", "s01", "s02" })
        {
            outcomes.Add(await Store.RecordResultAsync("run-1", Success(id)));
        }

        Assert.Equal([false, false, true], outcomes.Select(o => o.Session.IsComplete));
        Assert.Equal([1, 2, 3], outcomes.Select(o => o.Session.ReceivedCount));
    }

    [Fact]
    public async Task A_late_result_is_recorded_whatever_the_status_of_the_session()
    {
        await Store.TryCreateAsync(NewSession("run-1", strategies: 2));
        await Store.RecordResultAsync("run-1", Success("s01"));
        await Store.TryClaimAsync("run-1", "aggregator", Start.AddMinutes(10), Lease);
        await Store.TryFinishAsync("run-1", "aggregator", SessionStatus.Failed, "failed-1");

        var late = await Store.RecordResultAsync("run-1", Success("s02"));

        Assert.True(late.Recorded);
        Assert.Equal(SessionStatus.Failed, late.Session.Status);
        Assert.Equal(2, late.Session.ReceivedCount);
    }

    [Fact]
    public async Task Duplicated_results_delivered_in_parallel_are_each_recorded_once_and_exactly_one_parallel_claim_wins()
    {
        const int Count = 50;
        await Store.TryCreateAsync(NewSession("run-1", strategies: Count));
        var deliveries = Enumerable.Range(1, Count)
            .SelectMany(i => new[] { Success(StrategyId(i), $"{StrategyId(i)}-a"), Success(StrategyId(i), $"{StrategyId(i)}-b") })
            .ToArray();
        new Random(20240315).Shuffle(deliveries);

        var outcomes = await Concurrently.Run(deliveries.Length, i => Store.RecordResultAsync("run-1", deliveries[i]));

        var recorded = outcomes.Where(o => o.Recorded).ToArray();
        Assert.Equal(Count, recorded.Length);
        Assert.Equal(Enumerable.Range(1, Count), recorded.Select(o => o.Session.ReceivedCount).Order());
        Assert.Single(recorded, o => o.Session.IsComplete);
        var stored = (await Store.GetAsync("run-1"))!;
        Assert.Equal(Enumerable.Range(1, Count).Select(StrategyId), stored.Results.Select(r => r.StrategyId));
        for (var i = 0; i < deliveries.Length; i++)
        {
            var kept = stored.Results.Single(r => r.StrategyId == deliveries[i].StrategyId);
            Assert.Equal(outcomes[i].Recorded, kept.EventId == deliveries[i].EventId);
        }

        var claims = await Concurrently.Run(20, i => Store.TryClaimAsync("run-1", $"aggregator-{i}", Start.AddMinutes(1), Lease));

        var winner = Assert.Single(Enumerable.Range(0, claims.Length), i => claims[i]);
        Assert.Equal($"aggregator-{winner}", (await Store.GetAsync("run-1"))!.ClaimedBy);
    }

    // ---- claim and finish -----------------------------------------------------------------------------------------

    [Fact]
    public async Task Claiming_a_collecting_session_makes_it_completing_for_the_claimant_until_the_lease_ends()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        var now = Start.AddMinutes(1);

        Assert.True(await Store.TryClaimAsync("run-1", "aggregator-a", now, Lease));

        var session = (await Store.GetAsync("run-1"))!;
        Assert.Equal(SessionStatus.Completing, session.Status);
        Assert.Equal("aggregator-a", session.ClaimedBy);
        Assert.Equal(now + Lease, session.ClaimExpiresAt);
        Assert.Null(session.OutcomeEventId);
    }

    [Fact]
    public async Task A_second_claim_fails_while_the_lease_is_valid_even_for_the_same_claimant()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        var now = Start.AddMinutes(1);
        await Store.TryClaimAsync("run-1", "aggregator-a", now, Lease);

        Assert.False(await Store.TryClaimAsync("run-1", "aggregator-b", now, Lease));
        Assert.False(await Store.TryClaimAsync("run-1", "aggregator-b", now + Lease - TimeSpan.FromTicks(1), Lease));
        Assert.False(await Store.TryClaimAsync("run-1", "aggregator-a", now.AddSeconds(1), Lease));

        var session = (await Store.GetAsync("run-1"))!;
        Assert.Equal("aggregator-a", session.ClaimedBy);
        Assert.Equal(now + Lease, session.ClaimExpiresAt);
    }

    [Fact]
    public async Task Another_claimant_takes_over_from_the_instant_the_lease_ends()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        var now = Start.AddMinutes(1);
        await Store.TryClaimAsync("run-1", "aggregator-a", now, Lease);

        Assert.True(await Store.TryClaimAsync("run-1", "aggregator-b", now + Lease, Lease));

        var session = (await Store.GetAsync("run-1"))!;
        Assert.Equal(SessionStatus.Completing, session.Status);
        Assert.Equal("aggregator-b", session.ClaimedBy);
        Assert.Equal(now + Lease + Lease, session.ClaimExpiresAt);
    }

    [Fact]
    public async Task Exactly_one_of_many_parallel_claimants_takes_over_an_expired_claim()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        await Store.TryClaimAsync("run-1", "crashed", Start, Lease);

        var claims = await Concurrently.Run(20, i => Store.TryClaimAsync("run-1", $"aggregator-{i}", Start.AddHours(1), Lease));

        var winner = Assert.Single(Enumerable.Range(0, claims.Length), i => claims[i]);
        Assert.Equal($"aggregator-{winner}", (await Store.GetAsync("run-1"))!.ClaimedBy);
    }

    [Fact]
    public async Task Claiming_an_unknown_session_fails()
    {
        Assert.False(await Store.TryClaimAsync("run-1", "aggregator-a", Start, Lease));
        Assert.Null(await Store.GetAsync("run-1"));
    }

    [Fact]
    public async Task A_claim_needs_a_lease_longer_than_zero()
    {
        await Store.TryCreateAsync(NewSession("run-1"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryClaimAsync("run-1", "a", Start, TimeSpan.Zero));
        Assert.Equal(SessionStatus.Collecting, (await Store.GetAsync("run-1"))!.Status);
    }

    [Theory]
    [InlineData(SessionStatus.Completed)]
    [InlineData(SessionStatus.Failed)]
    public async Task Finishing_sets_the_final_status_and_the_outcome_event_id(SessionStatus outcome)
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        await Store.TryClaimAsync("run-1", "aggregator-a", Start, Lease);

        Assert.True(await Store.TryFinishAsync("run-1", "aggregator-a", outcome, "outcome-1"));

        var session = (await Store.GetAsync("run-1"))!;
        Assert.Equal(outcome, session.Status);
        Assert.Equal("outcome-1", session.OutcomeEventId);
        Assert.Equal("aggregator-a", session.ClaimedBy);
    }

    [Fact]
    public async Task Only_the_current_claimant_can_finish()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        await Store.TryClaimAsync("run-1", "aggregator-a", Start, Lease);
        await Store.TryClaimAsync("run-1", "aggregator-b", Start + Lease, Lease);

        Assert.False(await Store.TryFinishAsync("run-1", "aggregator-c", SessionStatus.Completed, "outcome-c"));
        Assert.False(await Store.TryFinishAsync("run-1", "aggregator-a", SessionStatus.Completed, "outcome-a"));
        Assert.Equal(SessionStatus.Completing, (await Store.GetAsync("run-1"))!.Status);

        Assert.True(await Store.TryFinishAsync("run-1", "aggregator-b", SessionStatus.Completed, "outcome-b"));
        Assert.Equal("outcome-b", (await Store.GetAsync("run-1"))!.OutcomeEventId);
    }

    [Fact]
    public async Task A_session_nobody_has_claimed_cannot_be_finished()
    {
        await Store.TryCreateAsync(NewSession("run-1"));

        Assert.False(await Store.TryFinishAsync("run-1", "aggregator-a", SessionStatus.Completed, "outcome-1"));
        Assert.False(await Store.TryFinishAsync("run-2", "aggregator-a", SessionStatus.Completed, "outcome-1"));

        var session = (await Store.GetAsync("run-1"))!;
        Assert.Equal(SessionStatus.Collecting, session.Status);
        Assert.Null(session.OutcomeEventId);
    }

    [Fact]
    public async Task A_finished_session_can_be_neither_claimed_nor_finished_again()
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        await Store.TryClaimAsync("run-1", "aggregator-a", Start, Lease);
        await Store.TryFinishAsync("run-1", "aggregator-a", SessionStatus.Completed, "outcome-1");

        Assert.False(await Store.TryClaimAsync("run-1", "aggregator-b", Start.AddDays(1), Lease));
        Assert.False(await Store.TryFinishAsync("run-1", "aggregator-a", SessionStatus.Failed, "outcome-2"));

        var session = (await Store.GetAsync("run-1"))!;
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.Equal("outcome-1", session.OutcomeEventId);
        Assert.Equal("aggregator-a", session.ClaimedBy);
    }

    [Theory]
    [InlineData(SessionStatus.Collecting)]
    [InlineData(SessionStatus.Completing)]
    public async Task Finishing_with_a_status_that_is_not_final_is_rejected(SessionStatus outcome)
    {
        await Store.TryCreateAsync(NewSession("run-1"));
        await Store.TryClaimAsync("run-1", "aggregator-a", Start, Lease);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryFinishAsync("run-1", "aggregator-a", outcome, "outcome-1"));
        Assert.Null((await Store.GetAsync("run-1"))!.OutcomeEventId);
    }

    // ---- find -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Find_returns_the_sessions_of_the_stage_and_date_newest_first()
    {
        await Store.TryCreateAsync(NewSession("morning", createdAt: Start.AddHours(-6)));
        await Store.TryCreateAsync(NewSession("forced", createdAt: Start.AddHours(1)));
        await Store.TryCreateAsync(NewSession("scheduled", createdAt: Start));
        await Store.TryCreateAsync(NewSession("live", stage: "live", createdAt: Start.AddHours(2)));
        await Store.TryCreateAsync(NewSession("yesterday", tradingDate: Date.AddDays(-1), createdAt: Start.AddHours(3)));
        await Store.TryCreateAsync(NewSession("other-case", stage: "Paper", createdAt: Start.AddHours(4)));

        var found = await Store.FindAsync("paper", Date);

        Assert.Equal(["forced", "scheduled", "morning"], found.Select(s => s.SessionId));
    }

    [Fact]
    public async Task Find_lists_sessions_created_at_the_same_instant_by_id_in_ordinal_order()
    {
        foreach (var id in new[] { "b", "a", "B", "c" })
        {
            await Store.TryCreateAsync(NewSession(id, createdAt: Start));
        }

        Assert.Equal(["B", "a", "b", "c"], (await Store.FindAsync("paper", Date)).Select(s => s.SessionId));
    }

    [Fact]
    public async Task Find_returns_whole_sessions_as_they_stand()
    {
        await Store.TryCreateAsync(NewSession("run-1", strategies: 2));
        await Store.RecordResultAsync("run-1", Success("s02"));
        await Store.TryClaimAsync("run-1", "aggregator-a", Start, Lease);

        var found = Assert.Single(await Store.FindAsync("paper", Date));

        Assert.Equal(SessionText.Of((await Store.GetAsync("run-1"))!), SessionText.Of(found));
    }

    [Fact]
    public async Task Find_returns_nothing_when_no_session_matches()
    {
        await Store.TryCreateAsync(NewSession("run-1"));

        Assert.Empty(await Store.FindAsync("paper", Date.AddDays(1)));
        Assert.Empty(await Store.FindAsync("live", Date));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static Dictionary<string, decimal> Allocation(params (string Symbol, decimal Weight)[] weights) =>
        weights.ToDictionary(w => w.Symbol, w => w.Weight, StringComparer.Ordinal);

    private static void AssertUtc(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcTicks, actual.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }
}
