using Alchemiser.Core.Idempotency;
using Alchemiser.Local.Idempotency;

namespace Alchemiser.Local.Tests.Idempotency;

public sealed class InMemoryIdempotencyStoreTests : IdempotencyStoreContract
{
    protected override IIdempotencyStore CreateStore() => new InMemoryIdempotencyStore(Clock);
}
