using System.Globalization;
using Alchemiser.Aws.Http;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Sns;

/// <summary>Amazon SNS over its query protocol (form-encoded request, XML response): publish, and topic/subscription set-up.</summary>
public sealed class SnsClient(AwsHttpClient client)
{
    /// <summary>The longest subject SNS accepts for e-mail.</summary>
    public const int MaxSubjectLength = 100;

    private const string Service = "sns";
    private const string Version = "2010-03-31";
    private readonly AwsHttpClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Creates the topic (or finds it) and returns its ARN.</summary>
    public Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return CallAsync("CreateTopic", "TopicArn", [new("Name", name)], cancellationToken);
    }

    /// <summary>Subscribes <paramref name="endpoint"/> (an e-mail address, an SQS queue ARN, ...) and returns the subscription ARN.</summary>
    public Task<string> SubscribeAsync(string topicArn, string protocol, string endpoint, bool rawMessageDelivery = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(protocol);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        List<KeyValuePair<string, string>> parameters = [new("TopicArn", topicArn), new("Protocol", protocol), new("Endpoint", endpoint), new("ReturnSubscriptionArn", "true")];
        if (rawMessageDelivery)
        {
            parameters.Add(new("Attributes.entry.1.key", "RawMessageDelivery"));
            parameters.Add(new("Attributes.entry.1.value", "true"));
        }

        return CallAsync("Subscribe", "SubscriptionArn", parameters, cancellationToken);
    }

    /// <summary>Publishes <paramref name="message"/> with <paramref name="subject"/> (at most 100 characters) and returns SNS's message id.</summary>
    public Task<string> PublishAsync(string topicArn, string subject, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(message);
        if (subject.Length > MaxSubjectLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"an SNS subject has at most {MaxSubjectLength} characters; this one has {subject.Length}"), nameof(subject));
        }

        return CallAsync("Publish", "MessageId", [new("TopicArn", topicArn), new("Subject", subject), new("Message", message)], cancellationToken);
    }

    private async Task<string> CallAsync(string action, string resultMember, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var root = await AwsQueryProtocol.CallAsync(_client, Service, Version, action, parameters, ErrorCategory.Notification, cancellationToken).ConfigureAwait(false);
        return AwsQueryProtocol.Find(root, resultMember)
            ?? throw new AwsServiceException(Service, action, 200, "MalformedResponse", $"the response has no {resultMember}", ErrorCategory.Notification);
    }
}
