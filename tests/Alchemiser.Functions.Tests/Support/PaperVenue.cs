using Alchemiser.Core.Brokerage;
using Alchemiser.Local.Brokerage;
using Alchemiser.Local.Time;

namespace Alchemiser.Functions.Tests.Support;

/// <summary>
/// How the services of a paper-broker scenario reach the paper broker the scenario sets up. <see cref="Direct"/> hands
/// them the paper broker itself; the Alpaca integration tests put Alpaca's HTTP API in between (the real client and a
/// local Alpaca-compatible server over the same paper broker), so the same scenarios run with the same assertions.
/// </summary>
public interface IPaperVenue
{
    /// <summary>Opens the way to <paramref name="paper"/>, whose time (and waits) are <paramref name="clock"/>.</summary>
    Task<IPaperConnection> ConnectAsync(PaperBroker paper, SimulatedClock clock);
}

/// <summary>
/// One scenario's way to its paper broker: the broker the services under test talk to, and how its order ids map to
/// the paper broker's own (a scenario checks the services' ledger rows and reports against the simulator's orders).
/// </summary>
public interface IPaperConnection : IAsyncDisposable
{
    /// <summary>The broker the services under test trade and read through.</summary>
    IBroker Broker { get; }

    /// <summary>The id the services see for the paper broker's order <paramref name="paperOrderId"/>.</summary>
    string OrderIdOf(string paperOrderId);

    /// <summary>The paper broker's id of the order the services know as <paramref name="orderId"/>.</summary>
    string PaperOrderIdOf(string orderId);
}

/// <summary>The services talk to the paper broker itself; ids are the paper broker's.</summary>
public sealed class DirectPaperVenue : IPaperVenue
{
    public static DirectPaperVenue Instance { get; } = new();

    private DirectPaperVenue()
    {
    }

    public Task<IPaperConnection> ConnectAsync(PaperBroker paper, SimulatedClock clock) => Task.FromResult<IPaperConnection>(new Connection(paper));

    private sealed class Connection(PaperBroker paper) : IPaperConnection
    {
        public IBroker Broker => paper;

        public string OrderIdOf(string paperOrderId) => paperOrderId;

        public string PaperOrderIdOf(string orderId) => orderId;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
