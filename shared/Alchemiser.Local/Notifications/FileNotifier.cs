using System.Globalization;
using Alchemiser.Core.Notifications;
using Alchemiser.Local.Storage;

namespace Alchemiser.Local.Notifications;

/// <summary>
/// The notifier of a local run: "sends" an e-mail by writing it to <c>{root}/{yyyy-MM-dd}/email-{kind}.txt</c> (the
/// subject line, an empty line, the body; UTF-8 without byte-order mark, written atomically, replacing the previous
/// e-mail of that kind and day) and writing one line to the console naming the subject and the file.
/// </summary>
public sealed class FileNotifier : INotifier
{
    private readonly TextWriter _console;

    /// <summary>
    /// A notifier writing under <paramref name="root"/> (default: the folder report store's root, so the e-mails sit
    /// beside the reports) and noting each e-mail on <paramref name="console"/>; the caller keeps ownership of the writer.
    /// </summary>
    public FileNotifier(TextWriter console, string root = Reports.FolderReportStore.DefaultRoot)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _console = console;
        Root = Path.GetFullPath(root);
    }

    /// <summary>The absolute path of the folder the e-mails are written under.</summary>
    public string Root { get; }

    /// <summary>The file an e-mail of <paramref name="kind"/> about <paramref name="tradingDate"/> is written to.</summary>
    public string PathOf(DateOnly tradingDate, NotificationKind kind) =>
        Path.Combine(
            Root,
            tradingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            $"email-{Notification.NameOf(kind)}.txt");

    /// <inheritdoc />
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var path = PathOf(notification.TradingDate, notification.Kind);
        await AtomicTextFile.WriteAsync(path, notification.Subject + "\n\n" + notification.Body, cancellationToken).ConfigureAwait(false);
        var subject = new string([.. notification.Subject.Select(c => char.IsControl(c) ? ' ' : c)]);
        await _console.WriteLineAsync($"e-mail ({notification.KindName}) \"{subject}\" written to {path}".AsMemory(), cancellationToken).ConfigureAwait(false);
        await _console.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
