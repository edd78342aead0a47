using System.Net;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>Alpaca's key headers: both must match, a refusal is 401 with Alpaca's body and never echoes what was presented.</summary>
public sealed class AuthenticationTests
{
    public static TheoryData<string?, string?> WrongKeys() => new()
    {
        { null, null },
        { PaperServer.KeyId, null },
        { null, PaperServer.Secret },
        { PaperServer.KeyId, "sk-wrong-secret-3141" },
        { "PKWRONGKEY2718", PaperServer.Secret },
        { PaperServer.KeyId.ToLowerInvariant(), PaperServer.Secret },
        { PaperServer.KeyId, PaperServer.Secret[..^1] },
        { PaperServer.KeyId, PaperServer.Secret + "0" },
    };

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public async Task A_request_without_the_right_keys_is_refused_with_401_and_nothing_is_served(string? keyId, string? secret)
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        using var http = PaperServer.Client(paper.Server, keyId, secret);

        var reply = await PaperServer.SendAsync(http, HttpMethod.Post, "v2/orders",
            """{"symbol":"SPY","qty":"1","side":"buy","type":"market","time_in_force":"day","client_order_id":"unauthorized-1"}""", CancellationToken.None);

        reply.AssertError(HttpStatusCode.Unauthorized, 40110000, "request is not authorized");
        foreach (var presented in new[] { keyId, secret }.OfType<string>())
        {
            Assert.DoesNotContain(presented, reply.Text, StringComparison.Ordinal);
        }

        Assert.Null(await paper.Broker.GetOrderByClientIdAsync("unauthorized-1"));
        var entry = Assert.Single(paper.Server.Journal.Entries);
        Assert.Equal((false, 401, (int?)null), (entry.Authorized, entry.StatusCode, entry.ServedStatusCode));
    }

    [Fact]
    public async Task The_right_keys_are_served_on_both_apis()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);

        var account = await paper.GetAsync("v2/account");
        var quotes = await paper.GetAsync("v2/stocks/quotes/latest?symbols=SPY");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (account.Status, quotes.Status));
        Assert.All(paper.Server.Journal.Entries, e => Assert.True(e.Authorized));
    }

    [Fact]
    public async Task Unauthorized_requests_do_not_spend_the_rate_limit_budget()
    {
        await using var paper = await PaperServer.StartAsync(o => o with { RequestsPerMinute = 2 });
        using var stranger = PaperServer.Client(paper.Server, "PKSTRANGER", "nope");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PaperServer.SendAsync(stranger, HttpMethod.Get, "v2/clock", null, CancellationToken.None)).Status);
        }

        var first = await paper.GetAsync("v2/clock");
        var second = await paper.GetAsync("v2/clock");

        Assert.Equal((HttpStatusCode.OK, "1"), (first.Status, first.Header("X-Ratelimit-Remaining")));
        Assert.Equal((HttpStatusCode.OK, "0"), (second.Status, second.Header("X-Ratelimit-Remaining")));
    }
}
