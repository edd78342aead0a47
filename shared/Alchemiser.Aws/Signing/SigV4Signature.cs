namespace Alchemiser.Aws.Signing;

/// <summary>
/// The result of signing: the intermediate texts (for tests and diagnosis; they hold no secret) and the headers to
/// put on the request (<c>Authorization</c>, <c>X-Amz-Date</c>, and <c>X-Amz-Security-Token</c> /
/// <c>x-amz-content-sha256</c> when they apply).
/// </summary>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string SignedHeaders,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd)
{
    /// <summary>The value of the <c>Authorization</c> header.</summary>
    public string Authorization => HeadersToAdd.First(h => string.Equals(h.Key, "Authorization", StringComparison.Ordinal)).Value;
}
