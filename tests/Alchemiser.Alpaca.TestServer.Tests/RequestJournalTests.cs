using System.Net;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>The journal keeps every request and its outcome for assertions, and never the keys.</summary>
public sealed class RequestJournalTests
{
    [Fact]
    public async Task Each_request_is_kept_with_method_path_query_bodies_and_status()
    {
        await using var paper = await PaperServer.StartAsync();
        paper.Quote("SPY", 99.99m, 100.01m);
        const string body = """{"symbol":"SPY","qty":"1","side":"buy","type":"limit","limit_price":"99","time_in_force":"day","client_order_id":"j-1"}""";

        var placed = await paper.PostAsync("v2/orders", body);
        paper.Advance(2);
        await paper.GetAsync("v2/orders?status=all");

        var entries = paper.Server.Journal.Entries;
        Assert.Equal(2, entries.Count);
        var (post, list) = (entries[0], entries[1]);
        Assert.Equal((1L, "POST", "/v2/orders", string.Empty, body, 200, placed.Text), (post.Sequence, post.Method, post.Path, post.Query, post.RequestBody, post.StatusCode, post.ResponseBody));
        Assert.Equal((PaperServer.Open, true, (int?)200, (string?)null, (string?)null), (post.ReceivedAt, post.Authorized, post.ServedStatusCode, post.Fault, post.ServerError));
        Assert.Equal(("GET", "?status=all", PaperServer.Open.AddSeconds(2)), (list.Method, list.Query, list.ReceivedAt));
        Assert.Equal(1, paper.Server.Journal.Count("POST", "/v2/orders"));
        Assert.Equal(0, paper.Server.Journal.Count("POST", "/v2/orders/{order_id}"));
    }

    [Fact]
    public async Task The_key_and_secret_are_never_kept_even_when_a_client_leaks_them_into_the_request()
    {
        await using var paper = await PaperServer.StartAsync();
        using var wrongSecret = PaperServer.Client(paper.Server, PaperServer.KeyId, "sk-not-the-secret");

        await paper.GetAsync($"v2/calendar?start=2025-06-30&note={PaperServer.Secret}");
        await paper.PostAsync("v2/orders", $$"""{"symbol":"SPY","client_order_id":"{{PaperServer.Secret}}"}""");
        await PaperServer.SendAsync(wrongSecret, HttpMethod.Get, "v2/account", null, CancellationToken.None);

        var entries = paper.Server.Journal.Entries;
        Assert.Equal([true, true, false], entries.Select(e => e.Authorized));
        foreach (var entry in entries)
        {
            Assert.DoesNotContain(PaperServer.Secret, entry.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(PaperServer.KeyId, entry.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("[REDACTED]", entries[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_most_requests_in_any_rolling_minute_is_counted_from_arrival_times()
    {
        await using var paper = await PaperServer.StartAsync();
        foreach (var gap in new[] { 0, 20, 20, 30, 5, 60 })
        {
            paper.Advance(gap);
            Assert.Equal(HttpStatusCode.OK, (await paper.GetAsync("v2/clock")).Status);
        }

        Assert.Equal(4, paper.Server.Journal.MostInAnyWindow(TimeSpan.FromMinutes(1)));
        Assert.Equal(6, paper.Server.Journal.MostInAnyWindow(TimeSpan.FromMinutes(3)));
        Assert.Equal(1, paper.Server.Journal.MostInAnyWindow(TimeSpan.FromSeconds(5)));
    }
}
