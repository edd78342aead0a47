namespace Alchemiser.Local.Hosting;

/// <summary>A message that was received as often as the queue allows without being deleted: what SQS's DLQ would hold.</summary>
public sealed record DeadLetter(string MessageId, string Body, int ReceiveCount, DateTimeOffset SentAt, DateTimeOffset DeadAt);
