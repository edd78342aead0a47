using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Storage;

/// <summary>
/// One SQLite file as the local stores use it: full path, pooled read-write-create connections that wait up to 5 s
/// for another writer (thread or process), write-ahead logging (readers never block the one writer), and the
/// store's schema created once per instance — folder first, then its DDL (<c>CREATE … IF NOT EXISTS</c>) in one
/// immediate transaction, so several stores or processes may race to create it.
/// </summary>
internal sealed class SqliteFile
{
    private const string BusyTimeout = "PRAGMA busy_timeout = 5000;";

    private readonly string _connectionString;
    private readonly string _schema;
    private readonly Lock _gate = new();
    private bool _ready;

    /// <param name="schema">The store's DDL; every statement must be idempotent.</param>
    public SqliteFile(string databasePath, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _schema = schema;
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
            Execute(connection, BusyTimeout);
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
                Execute(connection, BusyTimeout);
                Execute(connection, "PRAGMA journal_mode = WAL;");
                using var transaction = connection.BeginTransaction(deferred: false);
                Execute(connection, _schema, transaction);
                transaction.Commit();
            }

            Volatile.Write(ref _ready, true);
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
