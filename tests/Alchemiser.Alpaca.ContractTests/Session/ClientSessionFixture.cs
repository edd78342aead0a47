namespace Alchemiser.Alpaca.ContractTests.Session;

/// <summary>One <see cref="ClientSession"/> for the tests of <see cref="ClientSessionCollection"/>; its server is stopped before any of them runs.</summary>
public sealed class ClientSessionFixture : IAsyncLifetime
{
    private ClientSession? _session;

    public ClientSession Session => _session ?? throw new InvalidOperationException("the client session has not run");

    public async Task InitializeAsync() => _session = await ClientSession.RunAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The tests that judge the journal of one client session.</summary>
[CollectionDefinition(Name)]
public sealed class ClientSessionCollection : ICollectionFixture<ClientSessionFixture>
{
    public const string Name = "Alpaca client session";
}
