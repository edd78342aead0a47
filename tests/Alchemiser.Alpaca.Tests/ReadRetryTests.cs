using System.Globalization;
using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca.Tests;

/// <summary>Reads are retried on 429, 5xx, timeouts and network errors, with backoff on the injected clock, a bounded number of times.</summary>
public sealed class ReadRetryTests : IDisposable
{
    private readonly TestAlpaca _t = new(AlpacaOptions.Paper with { AttemptTimeout = TimeSpan.FromMilliseconds(100) });

    public void Dispose() => _t.Dispose();

    [Fact]
    public async Task A_5xx_is_retried_after_a_backoff_and_the_next_success_is_returned()
    {
        var start = _t.Clock.UtcNow;
        _t.Alpaca.Respond(503, "").Respond(502, "<html>bad gateway</html>").RespondFixture("LegacyClock");

        var clock = await _t.Client.GetClockAsync();

        Assert.True(clock.IsOpen);
        Assert.Equal(3, _t.Alpaca.Requests.Count);
        Assert.True(_t.Alpaca.Requests[1].At > start && _t.Alpaca.Requests[2].At > _t.Alpaca.Requests[1].At, "each retry waits on the clock first");
        var retries = _t.Logs.Lines.Where(l => l.Contains("\"message\":\"Alpaca request failed; retrying\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, retries.Length);
        Assert.Contains("\"method\":\"GET\",\"path\":\"/v2/clock\",\"status\":503", retries[0], StringComparison.Ordinal);
        Assert.Contains("\"attempt\":1", retries[0], StringComparison.Ordinal);
        Assert.Contains("\"status\":502", retries[1], StringComparison.Ordinal);
        Assert.Contains("\"attempt\":2", retries[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backoff_grows_between_retries_and_stays_within_the_maximum()
    {
        using var t = new TestAlpaca(AlpacaOptions.Paper with { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(3), MaxReadRetries = 4 });
        t.Alpaca.Otherwise(_ => ScriptedAlpaca.Response(500, ""));

        await Assert.ThrowsAsync<AlpacaApiException>(() => t.Client.GetClockAsync());

        var gaps = t.Alpaca.Requests.Zip(t.Alpaca.Requests.Skip(1), (a, b) => b.At!.Value - a.At!.Value).ToArray();
        Assert.Equal(4, gaps.Length);
        Assert.All(gaps, gap => Assert.InRange(gap, TimeSpan.Zero, TimeSpan.FromSeconds(3)));
        Assert.True(gaps.Sum(g => g.Ticks) > 0, "the retries waited");
    }

    [Fact]
    public async Task A_429_waits_until_alpaca_says_the_quota_refills_then_succeeds()
    {
        var reset = _t.Clock.UtcNow.AddSeconds(30);
        _t.Alpaca.RespondError(
                429, 42910000, "rate limit exceeded",
                ("X-Ratelimit-Limit", "200"), ("X-Ratelimit-Remaining", "0"), ("X-Ratelimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))
            .RespondFixture("getAccount");

        var account = await _t.Client.GetAccountAsync();

        Assert.Equal(123346.11m, account.Equity);
        Assert.Equal(2, _t.Alpaca.Requests.Count);
        Assert.True(_t.Alpaca.Requests[1].At >= reset, $"retried at {_t.Alpaca.Requests[1].At:O}, before the reset at {reset:O}");
        Assert.Contains(TimeSpan.FromSeconds(30), _t.Clock.Delays);
    }

    [Fact]
    public async Task A_read_that_keeps_failing_gives_up_after_the_configured_retries()
    {
        var error = Assert.IsType<AlpacaApiException>(await ErrorScenarios.ServerErrorEveryTime(_t));

        Assert.Equal(1 + _t.Options.MaxReadRetries, _t.Alpaca.Requests.Count);
        Assert.Equal((500, (int?)50010000, true, ErrorCategory.Trading), (error.StatusCode, error.AlpacaCode, error.IsTransient, error.Category));
    }

    [Fact]
    public async Task A_market_data_read_that_stays_rate_limited_gives_up_as_a_data_error()
    {
        var error = Assert.IsType<AlpacaApiException>(await ErrorScenarios.RateLimitedEveryTime(_t));

        Assert.Equal((429, ErrorCategory.Data), (error.StatusCode, error.Category));
        Assert.Equal(1 + _t.Options.MaxReadRetries, _t.Alpaca.Requests.Count);
        Assert.All(_t.Alpaca.Requests, r => Assert.Equal(("data.alpaca.markets", "/v2/stocks/trades/latest"), (r.Host, r.Path)));
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried()
    {
        _t.Alpaca.Hang().RespondFixture("LegacyClock");

        await _t.Client.GetClockAsync();

        Assert.Equal(2, _t.Alpaca.Requests.Count);
        Assert.Contains(_t.Logs.Lines, l => l.Contains("\"status\":0", StringComparison.Ordinal) && l.Contains("no answer within 0.1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_whose_network_stays_down_gives_up_with_status_0()
    {
        var error = Assert.IsType<AlpacaApiException>(await ErrorScenarios.NetworkDownEveryTime(_t));

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("no response", error.Message, StringComparison.Ordinal);
        Assert.Contains("Connection reset by peer", error.AlpacaMessage, StringComparison.Ordinal);
        Assert.Equal(1 + _t.Options.MaxReadRetries, _t.Alpaca.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _t.Alpaca.RespondError(400, 40010000, "invalid start");

        var error = await Assert.ThrowsAsync<AlpacaApiException>(() => _t.Client.GetCalendarAsync(new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 30)));

        Assert.Equal((400, "invalid start"), (error.StatusCode, error.AlpacaMessage));
        Assert.Single(_t.Alpaca.Requests);
    }

    [Fact]
    public async Task No_retries_configured_means_one_attempt()
    {
        using var t = new TestAlpaca(AlpacaOptions.Paper with { MaxReadRetries = 0 });
        t.Alpaca.Respond(503, "");

        await Assert.ThrowsAsync<AlpacaApiException>(() => t.Client.GetClockAsync());

        Assert.Single(t.Alpaca.Requests);
    }
}
