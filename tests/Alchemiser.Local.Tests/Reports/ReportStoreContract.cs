using Alchemiser.Core.Reports;
using Alchemiser.Local.Tests.Sessions;

namespace Alchemiser.Local.Tests.Reports;

/// <summary>
/// The specification of <see cref="IReportStore"/> that every implementation passes: derive, and return a fresh, empty
/// store from <see cref="CreateStore"/>. Nothing here knows where a store keeps its texts.
/// </summary>
public abstract class ReportStoreContract
{
    private IReportStore? _store;

    /// <summary>The store under test, created on first use.</summary>
    protected IReportStore Store => _store ??= CreateStore();

    public static TheoryData<string> InvalidKeys() =>
    [
        string.Empty, "/2025-06-30/report.html", "2025-06-30\\report.html", "2025-06-30/../secrets.txt", "../report.html",
        "2025-06-30/", "2025-06-30//report.html", "2025-06-30/.hidden", "./report.html", "a\nb", "a\0b",
        new string('k', ReportKey.MaxBytes + 1),
    ];

    /// <summary>A new store holding nothing.</summary>
    protected abstract IReportStore CreateStore();

    [Fact]
    public async Task A_text_reads_back_exactly_under_its_key()
    {
        const string text = "line one\nünïcode \"☃\" \r\n\ttabbed\n";

        await Store.PutTextAsync("2025-06-30/email.txt", text);

        Assert.Equal(text, await Store.GetTextAsync("2025-06-30/email.txt"));
    }

    [Fact]
    public async Task An_empty_text_is_a_text()
    {
        await Store.PutTextAsync("2025-06-30/orders.csv", string.Empty);

        Assert.Equal(string.Empty, await Store.GetTextAsync("2025-06-30/orders.csv"));
        Assert.Equal(["2025-06-30/orders.csv"], await Store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_missing_key_reads_as_null()
    {
        await Store.PutTextAsync("2025-06-30/report.html", "<p>");

        Assert.Null(await Store.GetTextAsync("2025-06-30/other.html"));
        Assert.Null(await Store.GetTextAsync("2025-07-01/report.html"));
    }

    [Fact]
    public async Task A_put_replaces_the_whole_text()
    {
        await Store.PutTextAsync("2025-06-30/email.txt", "a much longer first text than the second");
        await Store.PutTextAsync("2025-06-30/email.txt", "short");

        Assert.Equal("short", await Store.GetTextAsync("2025-06-30/email.txt"));
        Assert.Single(await Store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task Listing_gives_every_key_under_the_prefix_at_any_depth_in_ordinal_order()
    {
        string[] keys =
        [
            "2025-06-30/report.html", "2025-06-30/events/run-b/e1.json", "2025-06-30/events/run-a/sent/e9",
            "2025-06-30/events/run-a/e2.json", "2025-06-30/events/run-a/E1.json", "2025-07-01/report.html", "2025-06-300/x.txt",
        ];
        foreach (var key in keys)
        {
            await Store.PutTextAsync(key, key);
        }

        Assert.Equal(
            ["2025-06-30/events/run-a/E1.json", "2025-06-30/events/run-a/e2.json", "2025-06-30/events/run-a/sent/e9"],
            await Store.ListKeysAsync("2025-06-30/events/run-a/"));
        Assert.Equal(
            ["2025-06-30/events/run-a/E1.json", "2025-06-30/events/run-a/e2.json", "2025-06-30/events/run-a/sent/e9", "2025-06-30/events/run-b/e1.json", "2025-06-30/report.html"],
            await Store.ListKeysAsync("2025-06-30/"));
        Assert.Equal(keys.Order(StringComparer.Ordinal), await Store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_prefix_may_end_inside_a_segment()
    {
        await Store.PutTextAsync("2025-06-30/events/run-a/e1.json", "1");
        await Store.PutTextAsync("2025-06-30/email.txt", "2");
        await Store.PutTextAsync("2025-06-30/report.html", "3");

        Assert.Equal(["2025-06-30/email.txt", "2025-06-30/events/run-a/e1.json"], await Store.ListKeysAsync("2025-06-30/e"));
        Assert.Equal(["2025-06-30/email.txt"], await Store.ListKeysAsync("2025-06-30/email.txt"));
    }

    [Fact]
    public async Task Listing_an_unknown_prefix_gives_nothing()
    {
        Assert.Empty(await Store.ListKeysAsync(string.Empty));
        Assert.Empty(await Store.ListKeysAsync("2025-06-30/"));
        await Store.PutTextAsync("2025-06-30/report.html", "<p>");
        Assert.Empty(await Store.ListKeysAsync("2025-07-01/"));
    }

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task An_invalid_key_is_refused_by_every_member(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutTextAsync(key, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetTextAsync(key));
        Assert.Empty(await Store.ListKeysAsync(string.Empty));
    }

    [Theory]
    [InlineData("/2025-06-30/")]
    [InlineData("2025-06-30/../")]
    [InlineData("2025-06-30\\events")]
    [InlineData("2025-06-30//")]
    public async Task An_invalid_prefix_is_refused(string prefix)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListKeysAsync(prefix));
    }

    [Fact]
    public async Task Concurrent_puts_of_one_key_leave_one_whole_text()
    {
        var texts = Enumerable.Range(0, 16).Select(i => new string((char)('a' + i), 200_000)).ToArray();

        await Concurrently.Run(texts.Length, async i =>
        {
            await Store.PutTextAsync("2025-06-30/report.html", texts[i]);
            return i;
        });

        Assert.Contains(await Store.GetTextAsync("2025-06-30/report.html"), texts);
        Assert.Equal(["2025-06-30/report.html"], await Store.ListKeysAsync(string.Empty));
    }
}
