namespace Alchemiser.Core.Notifications;

/// <summary>
/// One e-mail about one run: the trading date and run (<see cref="CorrelationId"/>) it is about, what it is about
/// (<see cref="Kind"/>), a one-line subject and a plain-text body.
/// </summary>
public sealed record Notification(DateOnly TradingDate, NotificationKind Kind, string Subject, string Body, string CorrelationId)
{
    /// <summary>The kind as written in file names and logs.</summary>
    public string KindName => NameOf(Kind);

    /// <summary><c>report</c>, <c>alert</c> or <c>skipped</c>.</summary>
    public static string NameOf(NotificationKind kind) => kind switch
    {
        NotificationKind.Alert => "alert",
        NotificationKind.Skipped => "skipped",
        _ => "report",
    };
}
