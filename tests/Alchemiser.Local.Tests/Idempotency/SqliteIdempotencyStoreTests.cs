using Alchemiser.Core.Idempotency;
using Alchemiser.Local.Idempotency;
using Alchemiser.Local.Tests.MarketData;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Tests.Idempotency;

public sealed class SqliteIdempotencyStoreTests : IdempotencyStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected override IIdempotencyStore CreateStore() => new SqliteIdempotencyStore(_folder.PathOf("alchemiser.db"), Clock);

    [Fact]
    public async Task A_record_survives_a_new_store_on_the_same_file()
    {
        await CreateStore().PutIfAbsentAsync("k", "kept", Clock.UtcNow.AddDays(1));

        Assert.Equal("kept", await CreateStore().GetAsync("k"));
    }
}
