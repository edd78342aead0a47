namespace Alchemiser.Aws.Signing;

/// <summary>
/// What SigV4 signs: method, absolute URI (path and query), the headers to sign (in any order, names in any case,
/// repeated names allowed) and the body. <c>Host</c> is taken from the URI when not among the headers.
/// </summary>
public sealed record SignableRequest(
    string Method,
    Uri Uri,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
