using Alchemiser.Core.Notifications;

namespace Alchemiser.Aws.Sns;

/// <summary>
/// The notifier on AWS: publishes each e-mail to one SNS topic (whose e-mail subscriptions deliver it). The subject is
/// cut to SNS's 100 characters, control characters (SNS refuses them in subjects) become spaces; the body is the
/// plain-text e-mail as is.
/// </summary>
public sealed class SnsNotifier(SnsClient client, string topicArn) : INotifier
{
    private readonly SnsClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly string _topicArn = string.IsNullOrWhiteSpace(topicArn) ? throw new ArgumentException("the topic ARN is required", nameof(topicArn)) : topicArn;

    /// <inheritdoc />
    public Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return _client.PublishAsync(_topicArn, SubjectFor(notification.Subject), notification.Body, cancellationToken);
    }

    /// <summary>The subject as SNS will take it: one line, at most 100 characters (an ellipsis marks a cut), never empty.</summary>
    public static string SubjectFor(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var oneLine = new string(subject.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        if (oneLine.Length == 0)
        {
            return "Alchemiser";
        }

        return oneLine.Length <= SnsClient.MaxSubjectLength ? oneLine : string.Concat(oneLine.AsSpan(0, SnsClient.MaxSubjectLength - 1), "…");
    }
}
