using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca.Tests;

/// <summary>The configured key id and secret key never reach an exception (message, hint, inner exceptions, text) or a log line.</summary>
public sealed class SecretHygieneTests
{
    private static IEnumerable<string> Texts(Exception error)
    {
        yield return error.ToString(); // type, message and stack of the whole chain
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is AlchemiserException alchemiser)
            {
                yield return alchemiser.RemediationHint ?? string.Empty;
            }

            if (e is AlpacaApiException api)
            {
                yield return api.AlpacaMessage;
            }
        }
    }

    [Fact]
    public async Task Every_error_scenario_keeps_the_keys_out_of_exceptions_and_logs()
    {
        var texts = new List<(string Scenario, string Text)>();
        var failures = 0;
        foreach (var (name, run) in ErrorScenarios.All)
        {
            using var t = new TestAlpaca(AlpacaOptions.Paper with { AttemptTimeout = TimeSpan.FromMilliseconds(100) });
            var error = await run(t);
            Assert.True(error is not null, $"{name} did not fail");
            failures++;
            texts.AddRange(Texts(error).Select(text => (name, text)));
            texts.AddRange(t.Logs.Lines.Select(line => (name, line)));
            Assert.All(t.Alpaca.Requests, r => Assert.Equal(TestAlpaca.SecretKey, r.Headers["APCA-API-SECRET-KEY"])); // the keys were in play
        }

        Assert.Equal(ErrorScenarios.All.Count, failures);
        Assert.Contains(texts, x => x.Text.Contains("retrying", StringComparison.Ordinal)); // logs were captured, not just exceptions
        Assert.Contains(texts, x => x.Scenario == "KeyRefusedWithTheKeyEchoed" && x.Text.Contains("request is not authorized: key *** with secret ***", StringComparison.Ordinal));
        Assert.All(texts, x =>
        {
            Assert.False(x.Text.Contains(TestAlpaca.KeyId, StringComparison.Ordinal), $"{x.Scenario} leaked the key id: {x.Text}");
            Assert.False(x.Text.Contains(TestAlpaca.SecretKey, StringComparison.Ordinal), $"{x.Scenario} leaked the secret key: {x.Text}");
        });
    }
}
