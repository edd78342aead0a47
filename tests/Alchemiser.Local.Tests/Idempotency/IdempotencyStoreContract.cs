using Alchemiser.Core.Idempotency;
using Alchemiser.Local.Time;

namespace Alchemiser.Local.Tests.Idempotency;

/// <summary>The specification of <see cref="IIdempotencyStore"/> every implementation passes.</summary>
public abstract class IdempotencyStoreContract
{
    protected SimulatedClock Clock { get; } = new(new DateTimeOffset(2025, 6, 30, 19, 30, 0, TimeSpan.Zero));

    protected abstract IIdempotencyStore CreateStore();

    private DateTimeOffset InOneDay => Clock.UtcNow.AddDays(1);

    [Fact]
    public async Task A_key_never_written_has_no_value()
    {
        Assert.Null(await CreateStore().GetAsync("run-1:RebalancePlanned"));
    }

    [Fact]
    public async Task The_first_writer_wins_and_every_later_writer_gets_its_value()
    {
        var store = CreateStore();

        Assert.Equal("first", await store.PutIfAbsentAsync("k", "first", InOneDay));
        Assert.Equal("first", await store.PutIfAbsentAsync("k", "second", InOneDay));
        Assert.Equal("first", await store.GetAsync("k"));
    }

    [Fact]
    public async Task Twenty_racing_writers_all_get_the_same_value()
    {
        var store = CreateStore();

        var values = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.PutIfAbsentAsync("k", $"writer-{i}", InOneDay))));

        Assert.Single(values.Distinct(StringComparer.Ordinal));
        Assert.Equal(values[0], await store.GetAsync("k"));
    }

    [Fact]
    public async Task An_expired_record_is_gone_and_can_be_written_again()
    {
        var store = CreateStore();
        await store.PutIfAbsentAsync("k", "old", Clock.UtcNow.AddMinutes(5));

        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await store.GetAsync("k"));
        Assert.Equal("new", await store.PutIfAbsentAsync("k", "new", InOneDay));
    }

    [Fact]
    public async Task Values_keep_every_character()
    {
        var store = CreateStore();
        const string Value = "{\"payload\": \"ünïcode ☃ \\\" quoted\"}\n";

        await store.PutIfAbsentAsync("k", Value, InOneDay);

        Assert.Equal(Value, await store.GetAsync("k"));
    }

    [Fact]
    public async Task A_blank_or_overlong_key_is_refused()
    {
        var store = CreateStore();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetAsync(" "));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutIfAbsentAsync(new string('k', IdempotencyKeys.MaxLength + 1), "v", InOneDay));
    }
}
