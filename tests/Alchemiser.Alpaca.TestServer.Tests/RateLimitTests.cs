using System.Globalization;
using System.Net;

namespace Alchemiser.Alpaca.TestServer.Tests;

/// <summary>The server's own rate limit: Alpaca's headers on every answer, 429 past the limit within any rolling minute.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Past_the_limit_a_request_is_429_until_the_oldest_request_leaves_the_minute()
    {
        await using var paper = await PaperServer.StartAsync(o => o with { RequestsPerMinute = 3 });
        var first = PaperServer.Open.ToUnixTimeSeconds();

        var admitted = new List<Reply>();
        for (var i = 0; i < 3; i++)
        {
            admitted.Add(await paper.GetAsync("v2/clock"));
            paper.Advance(10);
        }

        var refused = await paper.GetAsync("v2/account");
        paper.Advance(29);
        var stillRefused = await paper.GetAsync("v2/account");
        paper.Advance(1);
        var again = await paper.GetAsync("v2/account");

        Assert.All(admitted, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(["2", "1", "0"], admitted.Select(r => r.Header("X-Ratelimit-Remaining")));
        Assert.All(admitted.Append(refused), r => Assert.Equal("3", r.Header("X-Ratelimit-Limit")));
        Assert.Equal(Text(first + 60), admitted[2].Header("X-Ratelimit-Reset"));
        refused.AssertError(HttpStatusCode.TooManyRequests, 42910000, "rate limit exceeded");
        Assert.Equal(("0", Text(first + 60)), (refused.Header("X-Ratelimit-Remaining"), refused.Header("X-Ratelimit-Reset")));
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.Status);
        Assert.Equal((HttpStatusCode.OK, "0", Text(first + 70)), (again.Status, again.Header("X-Ratelimit-Remaining"), again.Header("X-Ratelimit-Reset")));
        Assert.Equal(3, paper.Server.Journal.MostInAnyWindow(TimeSpan.FromMinutes(1), e => e.StatusCode != 429));
    }

    [Fact]
    public async Task Every_answer_carries_the_headers_errors_included()
    {
        await using var paper = await PaperServer.StartAsync();

        var notFound = await paper.GetAsync("v2/orders/nope");
        var invalid = await paper.PostAsync("v2/orders", "{}");
        using var stranger = PaperServer.Client(paper.Server, null, null);
        var unauthorized = await PaperServer.SendAsync(stranger, HttpMethod.Get, "v2/clock", null, CancellationToken.None);

        Assert.Equal(("198", "198"), (invalid.Header("X-Ratelimit-Remaining"), unauthorized.Header("X-Ratelimit-Remaining")));
        Assert.Equal("199", notFound.Header("X-Ratelimit-Remaining"));
        Assert.All(new[] { notFound, invalid, unauthorized }, r => Assert.Equal("200", r.Header("X-Ratelimit-Limit")));
    }

    private static string Text(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
