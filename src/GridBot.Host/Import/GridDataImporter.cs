using GridBot.Store;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Import;

/// <summary>
/// Imports grids, chats, members and the knowledge base (question/answer pairs) from JSON, CSV and XLSX files as one all-or-nothing operation:
/// every row of every file is checked first, and only a fully clean import is written, in one transaction.
/// </summary>
public sealed partial class GridDataImporter(GridBotDbContext db, WriterGate writers, ILogger<GridDataImporter> logger)
{
    /// <summary>Reads, checks and (if everything is valid) upserts <paramref name="files"/>. Bad input is reported, never thrown.</summary>
    public async Task<ImportReport> ImportAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var batch = new ImportBatch();
        if (files.Count == 0)
        {
            batch.Error("", 0, "没有指定要导入的文件");
        }

        // Files are parsed before the transaction opens: a 50 MB workbook must not hold SQLite's write lock while it parses.
        foreach (var file in files)
        {
            await ReadFileAsync(file, batch, cancellationToken);
        }

        // Queued for SQLite's one writer as background work like the outbox's claims: waiting in SQLite's busy handler
        // instead, they stalled for the whole import (3–8 s in the announce bench) while holding the gate.
        var entered = await writers.EnterBackgroundAsync(cancellationToken);
        try
        {
            // SQLite's BEGIN IMMEDIATE: the tree checked below is the tree written to, with no writer in between.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var grids = await db.Grids.ToListAsync(cancellationToken);
            var codeOfId = grids.ToDictionary(g => g.Id, g => g.Code);
            var existingParents = grids.ToDictionary(g => g.Code, g => g.ParentId is { } id ? codeOfId[id] : null, StringComparer.Ordinal);
            var existingLevels = grids.ToDictionary(g => g.Code, g => g.Level, StringComparer.Ordinal);
            var plan = new ImportValidator(batch, existingParents, existingLevels).Validate();
            if (batch.HasErrors)
            {
                var errors = batch.Errors();
                LogRejected(logger, files.Count, errors.Count);
                return ImportReport.Failed(errors);
            }

            var result = await new ImportWriter(db, grids).WriteAsync(plan, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogImported(logger, files.Count,
                result.Grids.Created, result.Grids.Updated, result.Grids.Unchanged,
                result.Chats.Created, result.Chats.Updated, result.Chats.Unchanged,
                result.Members.Created, result.Members.Updated, result.Members.Unchanged,
                result.Knowledge.Created, result.Knowledge.Updated, result.Knowledge.Unchanged,
                result.PathsChanged);
            return new ImportReport([], result.Grids, result.Chats, result.Members, result.Knowledge);
        }
        finally
        {
            if (entered)
            {
                writers.Leave();
            }

            // The whole grid tree was tracked; a scoped context used afterwards should not carry it (or a failed save's leftovers).
            db.ChangeTracker.Clear();
        }
    }

    private static async Task ReadFileAsync(string path, ImportBatch batch, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(path) ? "(空文件名)" : Path.GetFileName(path);
        batch.AddFile(name);
        byte[] content;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
            if (stream.Length > ImportLimits.MaxFileBytes)
            {
                batch.Error(name, 0, $"文件过大：{stream.Length:N0} 字节，超过 {ImportLimits.MaxFileBytes / 1024 / 1024} MB 的上限");
                return;
            }

            content = new byte[stream.Length];
            await stream.ReadExactlyAsync(content, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "文件不存在" : ex.Message;
            batch.Error(name, 0, $"无法读取文件：{reason}");
            return;
        }

        switch (Path.GetExtension(name).ToUpperInvariant())
        {
            case ".JSON":
                JsonImportReader.Read(name, content, batch);
                break;
            case ".CSV":
                CsvImportReader.Read(name, content, batch);
                break;
            case ".XLSX":
                XlsxImportReader.Read(name, content, batch);
                break;
            default:
                batch.Error(name, 0, $"不支持的文件类型 '{Path.GetExtension(name)}'（支持 .json、.csv、.xlsx）");
                break;
        }
    }

    // Counts only: the rows carry residents' phone and ID numbers, which never reach a log.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Grid data import rejected: {FileCount} file(s), {ErrorCount} error(s); nothing written")]
    private static partial void LogRejected(ILogger logger, int fileCount, int errorCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grid data imported from {FileCount} file(s): grids {GridsCreated} created, {GridsUpdated} updated, {GridsUnchanged} unchanged; chats {ChatsCreated} created, {ChatsUpdated} updated, {ChatsUnchanged} unchanged; members {MembersCreated} created, {MembersUpdated} updated, {MembersUnchanged} unchanged; knowledge {KnowledgeCreated} created, {KnowledgeUpdated} updated, {KnowledgeUnchanged} unchanged; {PathsChanged} stored path(s) recomputed")]
    private static partial void LogImported(ILogger logger, int fileCount,
        int gridsCreated, int gridsUpdated, int gridsUnchanged,
        int chatsCreated, int chatsUpdated, int chatsUnchanged,
        int membersCreated, int membersUpdated, int membersUnchanged,
        int knowledgeCreated, int knowledgeUpdated, int knowledgeUnchanged,
        int pathsChanged);
}
