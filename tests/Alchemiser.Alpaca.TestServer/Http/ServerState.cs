using Alchemiser.Alpaca.TestServer.Faults;
using Alchemiser.Alpaca.TestServer.Journal;
using Alchemiser.Alpaca.TestServer.Trading;
using Alchemiser.Alpaca.TestServer.Wire;
using Alchemiser.Core.Brokerage;
using Alchemiser.Core.Time;

namespace Alchemiser.Alpaca.TestServer.Http;

/// <summary>What the front door and the endpoints of one server share.</summary>
internal sealed class ServerState
{
    public ServerState(AlpacaTestServerOptions options, CancellationToken stopping)
    {
        Options = options;
        Stopping = stopping;
        Keys = new ApiKeys(options.KeyId, options.SecretKey);
        Budget = new RequestBudget(options.RequestsPerMinute, TimeSpan.FromMinutes(1));
        StartedAt = options.Clock.UtcNow;
    }

    public AlpacaTestServerOptions Options { get; }

    public IBroker Broker => Options.Broker;

    public IClock Clock => Options.Clock;

    /// <summary>Cancelled when the server stops: broker calls and fault delays run on it, not on the client's connection.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>When the server started, on its clock (the account's <c>created_at</c>).</summary>
    public DateTimeOffset StartedAt { get; }

    public ApiKeys Keys { get; }

    public RequestBudget Budget { get; }

    public AlpacaIds Ids { get; } = new();

    public OrderRegistry Orders { get; } = new();

    public FaultInjector Faults { get; } = new();

    public RequestJournal Journal { get; } = new();
}
