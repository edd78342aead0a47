using System.Text;
using Alchemiser.Core.Notifications;
using Alchemiser.Local.Notifications;
using Alchemiser.Local.Reports;
using Alchemiser.Local.Tests.MarketData;

namespace Alchemiser.Local.Tests.Notifications;

/// <summary>The local notifier: the e-mail as a file per day and kind, and one line on the console saying where.</summary>
public sealed class FileNotifierTests : IDisposable
{
    private static readonly DateOnly Date = new(2025, 6, 30);
    private readonly TempFolder _folder = new();
    private readonly StringWriter _console = new();

    public void Dispose()
    {
        _console.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_email_is_written_to_the_day_folder_as_subject_blank_line_body()
    {
        var notifier = new FileNotifier(_console, _folder.Path);

        await notifier.SendAsync(new Notification(Date, NotificationKind.Report, "Alchemiser dev 2025-06-30: completed", "SUMMARY\n-------\n  é☃\n", "run-1"));

        var file = Path.Combine(_folder.Path, "2025-06-30", "email-report.txt");
        Assert.Equal(
            Encoding.UTF8.GetBytes("Alchemiser dev 2025-06-30: completed\n\nSUMMARY\n-------\n  é☃\n"),
            await File.ReadAllBytesAsync(file));
        Assert.Equal(file, notifier.PathOf(Date, NotificationKind.Report));
    }

    [Fact]
    public async Task One_line_on_the_console_names_the_kind_the_subject_and_the_file()
    {
        var notifier = new FileNotifier(_console, _folder.Path);

        await notifier.SendAsync(new Notification(Date, NotificationKind.Alert, "Alchemiser dev 2025-06-30: FAILED: trading error", "body", "run-1"));

        var file = Path.Combine(_folder.Path, "2025-06-30", "email-alert.txt");
        Assert.Equal($"e-mail (alert) \"Alchemiser dev 2025-06-30: FAILED: trading error\" written to {file}{Environment.NewLine}", _console.ToString());
    }

    [Fact]
    public async Task Each_kind_has_its_own_file_and_a_later_email_of_a_kind_replaces_the_earlier()
    {
        var notifier = new FileNotifier(_console, _folder.Path);

        await notifier.SendAsync(new Notification(Date, NotificationKind.Report, "first", "1", "run-1"));
        await notifier.SendAsync(new Notification(Date, NotificationKind.Alert, "alert", "2", "run-1"));
        await notifier.SendAsync(new Notification(Date, NotificationKind.Skipped, "skipped", "3", "run-2"));
        await notifier.SendAsync(new Notification(Date, NotificationKind.Report, "second", "4", "run-2"));

        Assert.Equal(
            ["email-alert.txt", "email-report.txt", "email-skipped.txt"],
            Directory.GetFiles(Path.Combine(_folder.Path, "2025-06-30")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("second\n\n4", await File.ReadAllTextAsync(notifier.PathOf(Date, NotificationKind.Report)));
        Assert.Equal(4, _console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task A_subject_with_a_line_break_still_makes_one_console_line()
    {
        var notifier = new FileNotifier(_console, _folder.Path);

        await notifier.SendAsync(new Notification(Date, NotificationKind.Skipped, "skipped:\nmarket closed", "body", "run-1"));

        Assert.StartsWith("e-mail (skipped) \"skipped: market closed\" written to ", _console.ToString(), StringComparison.Ordinal);
        Assert.Single(_console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void By_default_the_emails_go_beside_the_folder_store_reports()
    {
        Assert.Equal(new FolderReportStore().Root, new FileNotifier(_console).Root);
    }
}
