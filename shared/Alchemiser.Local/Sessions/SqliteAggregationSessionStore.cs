using Alchemiser.Core.Sessions;
using Alchemiser.Local.Storage;
using Microsoft.Data.Sqlite;

namespace Alchemiser.Local.Sessions;

/// <summary>
/// The embedded aggregation session store: one SQLite file (write-ahead log, 5 s busy timeout), safe for many threads
/// and for several processes on the same file. Every write is one SQLite transaction that takes the write lock
/// before it reads (<c>BEGIN IMMEDIATE</c>) or one conditional <c>UPDATE</c>, so a result is recorded once per
/// session and strategy (the primary key of the results table), and a claim or finish succeeds for one caller only.
/// Each call takes its own connection from Microsoft.Data.Sqlite's pool (one pool per file, shared by every store on
/// it in the process); idle pooled connections keep the file open until <see cref="SqliteConnection.ClearAllPools"/>
/// or the process ends.
/// </summary>
/// <remarks>
/// The folder and the schema are created on first use. Sessions are kept after <see cref="AggregationSession.ExpiresAt"/>
/// (the port's reads have no clock): <see cref="GetAsync"/> and <see cref="FindAsync"/> still return them until
/// <see cref="PurgeExpiredAsync"/> deletes them.
/// </remarks>
public sealed class SqliteAggregationSessionStore : IAggregationSessionStore
{
    private readonly SqliteFile _file;

    /// <summary>A store on the SQLite file at <paramref name="databasePath"/>; the file and its folder need not exist yet.</summary>
    public SqliteAggregationSessionStore(string databasePath)
    {
        _file = new SqliteFile(databasePath, SqliteSessionSchema.Tables);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _file.DatabasePath;

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(AggregationSession session, CancellationToken cancellationToken = default)
    {
        SessionChecks.New(session);
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        if (await ExecuteAsync(connection, transaction, SqliteSessionRows.InsertSession, p => SqliteSessionRows.BindSession(p, session), cancellationToken) == 0)
        {
            return false;
        }

        foreach (var result in session.Results)
        {
            await ExecuteAsync(connection, transaction, SqliteSessionRows.InsertResult, p => SqliteSessionRows.BindResult(p, session.SessionId, result), cancellationToken);
        }

        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public async Task<AggregationSession?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        var session = await ReadOneAsync(connection, transaction, sessionId, cancellationToken);
        transaction.Commit();
        return session;
    }

    /// <inheritdoc />
    public async Task<RecordOutcome> RecordResultAsync(string sessionId, StrategyResult result, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        SessionChecks.Result(result);
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var strategies = await ScalarAsync(
            connection, transaction, "SELECT strategies FROM sessions WHERE session_id = $session_id;",
            p => p.AddWithValue("$session_id", sessionId), cancellationToken) as string ?? throw SessionChecks.UnknownSession(sessionId);
        if (!SessionJson.ReadStrategies(strategies).Any(s => string.Equals(s.StrategyId, result.StrategyId, StringComparison.Ordinal)))
        {
            throw SessionChecks.UnexpectedStrategy(sessionId, result.StrategyId);
        }

        var recorded = await ExecuteAsync(
            connection, transaction, SqliteSessionRows.InsertResult, p => SqliteSessionRows.BindResult(p, sessionId, result), cancellationToken) == 1;
        var session = await ReadOneAsync(connection, transaction, sessionId, cancellationToken)
            ?? throw SessionChecks.UnknownSession(sessionId);
        transaction.Commit();
        return new RecordOutcome(recorded, session);
    }

    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string sessionId, string claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        SessionChecks.Claim(sessionId, claimant, lease);
        const string Claim = """
            UPDATE sessions SET status = $completing, claimed_by = $claimant, claim_expires_at = $claim_expires_at
            WHERE session_id = $session_id
              AND (status = $collecting OR (status = $completing AND claim_expires_at <= $now));
            """;
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, transaction: null, Claim, p =>
        {
            p.AddWithValue("$session_id", sessionId);
            p.AddWithValue("$claimant", claimant);
            p.AddWithValue("$claim_expires_at", SqliteSessionRows.Ticks(now + lease));
            p.AddWithValue("$now", SqliteSessionRows.Ticks(now));
            p.AddWithValue("$collecting", SqliteSessionRows.StatusText(SessionStatus.Collecting));
            p.AddWithValue("$completing", SqliteSessionRows.StatusText(SessionStatus.Completing));
        }, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> TryFinishAsync(string sessionId, string claimant, SessionStatus outcome, string outcomeEventId, CancellationToken cancellationToken = default)
    {
        SessionChecks.Finish(sessionId, claimant, outcome, outcomeEventId);
        const string Finish = """
            UPDATE sessions SET status = $outcome, outcome_event_id = $outcome_event_id
            WHERE session_id = $session_id AND status = $completing AND claimed_by = $claimant;
            """;
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, transaction: null, Finish, p =>
        {
            p.AddWithValue("$session_id", sessionId);
            p.AddWithValue("$claimant", claimant);
            p.AddWithValue("$outcome", SqliteSessionRows.StatusText(outcome));
            p.AddWithValue("$outcome_event_id", outcomeEventId);
            p.AddWithValue("$completing", SqliteSessionRows.StatusText(SessionStatus.Completing));
        }, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AggregationSession>> FindAsync(string stage, DateOnly tradingDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: true);
        var sessions = await SqliteSessionRows.ReadAsync(connection, transaction, "s.stage = $stage AND s.trading_date = $trading_date", p =>
        {
            p.AddWithValue("$stage", stage);
            p.AddWithValue("$trading_date", SqliteSessionRows.DateText(tradingDate));
        }, cancellationToken);
        transaction.Commit();
        return SessionOrder.NewestFirst(sessions);
    }

    /// <summary>
    /// Deletes every session whose <see cref="AggregationSession.ExpiresAt"/> is before <paramref name="now"/>, with its
    /// results, in one transaction (what DynamoDB's TTL does in AWS). Returns how many sessions it deleted.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string DeleteResults = "DELETE FROM results WHERE session_id IN (SELECT session_id FROM sessions WHERE expires_at < $now);";
        const string DeleteSessions = "DELETE FROM sessions WHERE expires_at < $now;";
        var ticks = SqliteSessionRows.Ticks(now);
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, DeleteResults, p => p.AddWithValue("$now", ticks), cancellationToken);
        var deleted = await ExecuteAsync(connection, transaction, DeleteSessions, p => p.AddWithValue("$now", ticks), cancellationToken);
        transaction.Commit();
        return deleted;
    }

    private static async Task<AggregationSession?> ReadOneAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sessionId, CancellationToken cancellationToken)
    {
        var sessions = await SqliteSessionRows.ReadAsync(
            connection, transaction, "s.session_id = $session_id", p => p.AddWithValue("$session_id", sessionId), cancellationToken);
        return sessions.SingleOrDefault();
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, Action<SqliteParameterCollection> bind,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command.Parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);
}
