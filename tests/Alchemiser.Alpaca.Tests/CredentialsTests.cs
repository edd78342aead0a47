using Alchemiser.Alpaca.Tests.Support;
using Alchemiser.Core.Errors;

namespace Alchemiser.Alpaca.Tests;

public sealed class CredentialsTests
{
    [Fact]
    public void Credentials_show_neither_key_in_their_text()
    {
        var credentials = new AlpacaCredentials(TestAlpaca.KeyId, TestAlpaca.SecretKey);

        Assert.Equal("AlpacaCredentials(values hidden)", credentials.ToString());
        Assert.Equal(TestAlpaca.KeyId, credentials.KeyId);
        Assert.Equal(TestAlpaca.SecretKey, credentials.SecretKey);
        Assert.Throws<ArgumentException>(() => new AlpacaCredentials(" ", TestAlpaca.SecretKey));
        Assert.Throws<ArgumentException>(() => new AlpacaCredentials(TestAlpaca.KeyId, ""));
    }

    [Fact]
    public async Task Credentials_are_resolved_on_the_first_request_only_and_sent_as_alpacas_key_headers()
    {
        using var t = new TestAlpaca();
        Assert.Equal(0, t.CredentialResolutions);
        t.Alpaca.RespondFixture("LegacyClock").RespondFixture("LegacyClock").RespondFixture("getAccount");

        await t.Client.GetClockAsync();
        await t.Client.GetClockAsync();
        await t.Client.GetAccountAsync();

        Assert.Equal(1, t.CredentialResolutions);
        Assert.All(t.Alpaca.Requests, r =>
        {
            Assert.Equal(TestAlpaca.KeyId, r.Headers["APCA-API-KEY-ID"]);
            Assert.Equal(TestAlpaca.SecretKey, r.Headers["APCA-API-SECRET-KEY"]);
        });
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_resolution()
    {
        var resolutions = 0;
        var release = new TaskCompletionSource<AlpacaCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        var alpaca = new ScriptedAlpaca().Otherwise(_ => ScriptedAlpaca.Response(200, Fixture.Text("LegacyClock")));
        using var client = new AlpacaClient(AlpacaOptions.Paper, _ =>
        {
            Interlocked.Increment(ref resolutions);
            return release.Task;
        }, alpaca);

        var calls = Enumerable.Range(0, 5).Select(_ => client.GetClockAsync()).ToArray();
        release.SetResult(new AlpacaCredentials(TestAlpaca.KeyId, TestAlpaca.SecretKey));
        await Task.WhenAll(calls);

        Assert.Equal(1, resolutions);
        Assert.Equal(5, alpaca.Requests.Count);
    }

    [Fact]
    public async Task A_failed_resolution_is_tried_again_on_the_next_call()
    {
        var attempts = 0;
        var alpaca = new ScriptedAlpaca().RespondFixture("LegacyClock");
        using var client = new AlpacaClient(AlpacaOptions.Paper, _ => ++attempts == 1
            ? throw new ConfigurationException("secret alpaca/keys is not readable")
            : Task.FromResult(new AlpacaCredentials(TestAlpaca.KeyId, TestAlpaca.SecretKey)), alpaca);

        var first = await Assert.ThrowsAsync<ConfigurationException>(() => client.GetClockAsync());
        await client.GetClockAsync();

        Assert.Equal("secret alpaca/keys is not readable", first.Message);
        Assert.Equal(2, attempts);
        Assert.Single(alpaca.Requests);
    }
}
