using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GridBot.Store;

/// <summary>
/// Inserts new entities of one type with one parameterised multi-row INSERT (… VALUES (…), (…) RETURNING the key) inside
/// the caller's open transaction, for SQLite and PostgreSQL alike: table, columns, quoting, parameter names and value
/// conversions (enums as strings) all come from the EF model and the provider, so the SQL follows the mapping. EF's
/// SaveChanges sends one INSERT per row on SQLite and tracks each entity: a 100-chat fan-out chunk was about 300 of
/// them. The entities are not tracked and their generated keys are not set; the caller gets the keys back in order.
/// </summary>
internal static class MultiRowInsert
{
    /// <summary>Parameters in one statement at most: below SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int MaxParameters = 30_000;

    /// <summary>Inserts <paramref name="entities"/> (their database-generated key left out).</summary>
    /// <returns>The generated keys, the nth for the nth entity.</returns>
    public static async Task<IReadOnlyList<long>> InsertAsync<T>(GridBotDbContext db, IReadOnlyList<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var columns = entityType.GetProperties().Where(p => p != key).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var returning = $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A multi-row insert runs inside the caller's transaction.");
        var keys = new List<long>(entities.Count);
        var rowsPerStatement = MaxParameters / columns.Count;
        for (var start = 0; start < entities.Count; start += rowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var end = Math.Min(start + rowsPerStatement, entities.Count);
            for (var row = start; row < end; row++)
            {
                text.Append(row == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = sql.GenerateParameterName($"p{command.Parameters.Count}");
                    text.Append(c == 0 ? name : ", " + name);
                    AddParameter(command, columns[c], name, entities[row]);
                }

                text.Append(')');
            }

            command.CommandText = text.Append(returning).ToString();
            var first = keys.Count;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    keys.Add(reader.GetInt64(0));
                }
            }

            // Neither database promises RETURNING's order, but both number the rows of one VALUES list in the order
            // listed (SQLite's rowid, PostgreSQL's identity sequence), so the keys in ascending order are the rows in order.
            keys.Sort(first, keys.Count - first, Comparer<long>.Default);
        }

        if (keys.Count != entities.Count)
        {
            throw new InvalidOperationException($"{keys.Count} keys came back for {entities.Count} {table.Name} rows.");
        }

        return keys;
    }

    private static void AddParameter(DbCommand command, IProperty column, string name, object entity)
    {
        // The type mapping converts the value as EF would (enum to string) and sets the provider's parameter type.
        var mapping = (RelationalTypeMapping)column.GetRelationalTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, name, column.GetGetter().GetClrValue(entity), column.IsNullable));
    }
}
