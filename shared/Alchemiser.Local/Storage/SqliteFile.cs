using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Storage;

/// <summary>
/// One SQLite file as the local stores use it: full path, pooled read-write-create connections that wait up to 5 s
/// for another writer (thread or process), and a schema created once per instance — folder first, then the
/// store's own <c>ensureSchema</c> (idempotent, safe when several stores or processes race).
/// </summary>
internal sealed class SqliteFile
{
    private const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    private readonly string _connectionString;
    private readonly Action<SqliteConnection> _ensureSchema;
    private readonly Lock _gate = new();
    private bool _ready;

    public SqliteFile(string databasePath, Action<SqliteConnection> ensureSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _ensureSchema = ensureSchema;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>A new open connection; the schema exists.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureSchema();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = BusyTimeout;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private void EnsureSchema()
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        lock (_gate)
        {
            if (_ready)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            using (var connection = new SqliteConnection(_connectionString))
            {
                connection.Open();
                _ensureSchema(connection);
            }

            Volatile.Write(ref _ready, true);
        }
    }
}
