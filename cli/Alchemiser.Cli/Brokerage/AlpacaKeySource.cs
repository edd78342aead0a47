using Alchemiser.Alpaca;

namespace Alchemiser.Cli.Brokerage;

/// <summary>Where the Alpaca keys come from, and how to read them (lazily: a secret is read on the first request).</summary>
/// <param name="Description">For people: <c>ALPACA_API_KEY / ALPACA_SECRET_KEY</c> or <c>secret &lt;id&gt;</c>; never a key.</param>
/// <param name="SecretId">The Secrets Manager secret, when the keys come from one.</param>
/// <param name="Load">Reads the keys.</param>
public sealed record AlpacaKeySource(string Description, string? SecretId, Func<CancellationToken, Task<AlpacaCredentials>> Load);
