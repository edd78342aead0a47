namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>Answers with an Alpaca error body <c>{"code":...,"message":...}</c> and the status; the request is not served.</summary>
public sealed record ErrorFault : Fault
{
    internal ErrorFault(int statusCode, int code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        StatusCode = statusCode;
        Code = code;
        Message = message;
    }

    public int StatusCode { get; }

    public int Code { get; }

    public string Message { get; }

    /// <inheritdoc />
    public override string Description => Text($"{StatusCode} {Code} {Message}");
}
