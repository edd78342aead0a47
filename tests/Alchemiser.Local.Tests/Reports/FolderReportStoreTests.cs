using System.Text;
using Alchemiser.Local.Reports;
using Alchemiser.Local.Tests.MarketData;

namespace Alchemiser.Local.Tests.Reports;

/// <summary>What the folder store does on disk: where files go, how they are encoded, what it leaves behind.</summary>
public sealed class FolderReportStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_default_root_is_alchemiser_reports_under_the_working_directory()
    {
        Assert.Equal(".alchemiser/reports", FolderReportStore.DefaultRoot);
        Assert.Equal(Path.GetFullPath(".alchemiser/reports"), new FolderReportStore().Root);
    }

    [Fact]
    public async Task A_key_is_a_file_under_the_root_with_its_folders_created_on_first_put()
    {
        var root = _folder.PathOf("not-yet");
        var store = new FolderReportStore(root);
        Assert.False(Directory.Exists(root));

        await store.PutTextAsync("2025-06-30/events/run-1/run-1:TradeExecuted.json", "{}");

        var file = Path.Combine(root, "2025-06-30", "events", "run-1", "run-1:TradeExecuted.json");
        Assert.Equal(file, store.PathOf("2025-06-30/events/run-1/run-1:TradeExecuted.json"));
        Assert.Equal("{}", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Files_are_utf8_without_a_byte_order_mark()
    {
        var store = new FolderReportStore(_folder.Path);

        await store.PutTextAsync("2025-06-30/email.txt", "é☃");

        Assert.Equal(Encoding.UTF8.GetBytes("é☃"), await File.ReadAllBytesAsync(store.PathOf("2025-06-30/email.txt")));
    }

    [Fact]
    public async Task A_file_someone_saved_with_a_byte_order_mark_reads_without_it()
    {
        var store = new FolderReportStore(_folder.Path);
        Directory.CreateDirectory(_folder.PathOf("2025-06-30"));
        await File.WriteAllBytesAsync(store.PathOf("2025-06-30/notes.txt"), [0xEF, 0xBB, 0xBF, (byte)'o', (byte)'k']);

        Assert.Equal("ok", await store.GetTextAsync("2025-06-30/notes.txt"));
    }

    [Fact]
    public async Task Puts_leave_no_temporary_file_behind()
    {
        var store = new FolderReportStore(_folder.Path);

        await store.PutTextAsync("2025-06-30/report.html", "first");
        await store.PutTextAsync("2025-06-30/report.html", "second");

        Assert.Equal([store.PathOf("2025-06-30/report.html")], Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Temporary_files_of_a_crashed_put_and_other_dot_files_are_not_listed()
    {
        var store = new FolderReportStore(_folder.Path);
        await store.PutTextAsync("2025-06-30/report.html", "<p>");
        await File.WriteAllTextAsync(_folder.PathOf(Path.Combine("2025-06-30", ".report.html.0123abcd.tmp")), "<p");
        Directory.CreateDirectory(_folder.PathOf(".git"));
        await File.WriteAllTextAsync(_folder.PathOf(Path.Combine(".git", "HEAD")), "ref");

        Assert.Equal(["2025-06-30/report.html"], await store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public async Task A_folder_is_not_a_key()
    {
        var store = new FolderReportStore(_folder.Path);
        await store.PutTextAsync("2025-06-30/events/run-1/e1.json", "{}");

        Assert.Null(await store.GetTextAsync("2025-06-30/events"));
        await Assert.ThrowsAsync<IOException>(() => store.PutTextAsync("2025-06-30/events", "x"));
        Assert.Equal(["2025-06-30/events/run-1/e1.json"], await store.ListKeysAsync(string.Empty));
    }

    [Fact]
    public void A_key_cannot_reach_outside_the_root()
    {
        var store = new FolderReportStore(_folder.PathOf("reports"));

        Assert.Throws<ArgumentException>(() => store.PathOf("../outside.txt"));
        Assert.Throws<ArgumentException>(() => store.PathOf("/etc/passwd"));
        Assert.Throws<ArgumentException>(() => store.PathOf("a/..\\..\\outside.txt"));
    }
}
