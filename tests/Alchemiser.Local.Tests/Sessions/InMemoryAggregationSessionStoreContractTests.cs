using Alchemiser.Core.Sessions;
using Alchemiser.Local.Sessions;

namespace Alchemiser.Local.Tests.Sessions;

public sealed class InMemoryAggregationSessionStoreContractTests : AggregationSessionStoreContract
{
    protected override IAggregationSessionStore CreateStore() => new InMemoryAggregationSessionStore();
}
