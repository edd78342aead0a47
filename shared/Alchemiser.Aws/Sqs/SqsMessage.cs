using System.Globalization;

namespace Alchemiser.Aws.Sqs;

/// <summary>
/// One received SQS message: its id, the receipt handle that deletes it or changes its visibility, the body, and the
/// system attributes (all of them are asked for), e.g. <c>ApproximateReceiveCount</c>.
/// </summary>
public sealed record SqsMessage(string MessageId, string ReceiptHandle, string Body, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>How many times SQS has handed this message out (1 on first delivery); 0 when SQS did not say.</summary>
    public int ApproximateReceiveCount =>
        Attributes.TryGetValue("ApproximateReceiveCount", out var value) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
