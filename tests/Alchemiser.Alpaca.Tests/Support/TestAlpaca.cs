using Alchemiser.Core.Logging;

namespace Alchemiser.Alpaca.Tests.Support;

/// <summary>
/// A client wired for a test: paper options, fixed test keys resolved through a counting source, a scripted in-memory
/// Alpaca, a fake clock for the budget and retry waits, and a structured log captured in memory with no redaction of
/// its own (so anything the client leaked would show).
/// </summary>
public sealed class TestAlpaca : IDisposable
{
    /// <summary>The configured key id.</summary>
    public const string KeyId = "PKTESTK3YID0123456789";

    /// <summary>The configured secret key.</summary>
    public const string SecretKey = "sEcReT+k3y/0123456789abcdefghijKLMNOPQRST";

    private int _credentialResolutions;

    public TestAlpaca(AlpacaOptions? options = null, AlpacaRequestBudget? budget = null, FakeClock? clock = null)
    {
        Clock = clock ?? new FakeClock();
        Alpaca = new ScriptedAlpaca(Clock);
        Logs = new InMemoryLogSink();
        Options = options ?? AlpacaOptions.Paper;
        Client = new AlpacaClient(
            Options,
            _ =>
            {
                Interlocked.Increment(ref _credentialResolutions);
                return Task.FromResult(new AlpacaCredentials(KeyId, SecretKey));
            },
            Alpaca,
            Clock,
            Clock,
            new JsonLinesLog(Logs, clock: Clock),
            budget);
    }

    public FakeClock Clock { get; }

    public ScriptedAlpaca Alpaca { get; }

    public InMemoryLogSink Logs { get; }

    public AlpacaOptions Options { get; }

    public AlpacaClient Client { get; }

    /// <summary>How often the client asked for its credentials.</summary>
    public int CredentialResolutions => Volatile.Read(ref _credentialResolutions);

    /// <summary>The only request so far.</summary>
    public RecordedRequest Sent => Assert.Single(Alpaca.Requests);

    public void Dispose()
    {
        Client.Dispose();
        Alpaca.Dispose();
    }
}
