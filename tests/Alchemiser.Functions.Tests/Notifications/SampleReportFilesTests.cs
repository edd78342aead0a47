using Alchemiser.Local.Notifications;
using Alchemiser.Local.Reports;
using Alchemiser.Notifications;
using Alchemiser.Notifications.Reporting;

namespace Alchemiser.Functions.Tests.Notifications;

/// <summary>
/// The sample run (<c>events/</c>) through the folder store and the file notifier: the files a local run leaves. With
/// <see cref="OutputVariable"/> naming an empty folder the files are kept there; <c>make report-check</c> runs this test
/// that way and renders the <c>report.html</c> it leaves in headless Chromium. Otherwise a temporary folder is used and
/// deleted.
/// </summary>
public sealed class SampleReportFilesTests : IDisposable
{
    /// <summary>The environment variable naming the folder to keep the files in.</summary>
    public const string OutputVariable = "ALCHEMISER_REPORT_SAMPLE_DIR";

    private readonly string? _temporary;
    private readonly string _root;

    public SampleReportFilesTests()
    {
        var kept = Environment.GetEnvironmentVariable(OutputVariable);
        if (string.IsNullOrWhiteSpace(kept))
        {
            _temporary = Directory.CreateTempSubdirectory("alchemiser-report-").FullName;
            _root = _temporary;
        }
        else
        {
            _root = Path.GetFullPath(kept);
        }
    }

    public void Dispose()
    {
        if (_temporary is not null)
        {
            Directory.Delete(_temporary, recursive: true);
        }
    }

    [Fact]
    public async Task The_sample_run_leaves_the_report_files_and_the_email_in_the_day_folder()
    {
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFileSystemEntries(_root).Any(), $"{_root} must be empty (or missing)");
        using var console = new StringWriter();
        var service = new NotificationService(new FolderReportStore(_root), new FileNotifier(console, _root));

        foreach (var envelope in SampleEvents.FullRun())
        {
            await service.HandleAsync(envelope);
        }

        var day = Path.Combine(_root, "2025-06-30");
        var report = RunReport.From(SampleEvents.FullRun());
        var (subject, body) = PlainTextEmail.Render(report);
        Assert.Equal(
            ["allocations.csv", "email-report.txt", "email.txt", "events", "orders.csv", "report.html"],
            Directory.EnumerateFileSystemEntries(day).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(HtmlReport.Render(report), await File.ReadAllTextAsync(Path.Combine(day, "report.html")));
        Assert.Equal(CsvReports.Orders(report), await File.ReadAllTextAsync(Path.Combine(day, "orders.csv")));
        Assert.Equal(subject + "\n\n" + body, await File.ReadAllTextAsync(Path.Combine(day, "email-report.txt")));
        Assert.Equal(
            $"e-mail (report) \"Alchemiser dev 2025-06-30: completed - 3 strategies, 7 orders\" written to {Path.Combine(day, "email-report.txt")}{Environment.NewLine}",
            console.ToString());
    }
}
