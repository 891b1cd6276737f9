using GridBot.Store.Announcements;
using GridBot.Store.Configuration;
using GridBot.Store.Conversations;
using GridBot.Store.Coordination;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using GridBot.Store.Turns;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GridBot.Store;

public static class StoreHostingExtensions
{
    public static IHostApplicationBuilder AddGridBotStore(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<StoreOptions>()
            .Configure(o =>
            {
                o.ConnectionString = configuration.GetConnectionString("GridBot") ?? "";
                o.Provider = StoreSettings.ProviderOf(configuration);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        builder.Services.AddValidatedOptions<RedisOptions>(configuration, RedisOptions.SectionName).ValidateDataAnnotations();
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IdentityCache>();
        builder.Services.AddSingleton<ChatBindings>();
        builder.Services.AddSingleton<Memberships>();
        builder.Services.AddSingleton<IdentityCacheInvalidation>();
        // A pooled context keeps the maps it grew (tracked entries, update commands) for its next user, and the pool keeps
        // as many contexts as were ever in use at once, up to its size: the soak saw 7 → 81 pooled contexts after load
        // peaks. EF's default of 1,024 would let a burst pin ~25 MB for the process's life; 128 is far above the turns a
        // 2-core host runs at once, and a context beyond it is simply disposed.
        builder.Services.AddDbContextPool<GridBotDbContext>((services, options) =>
        {
            var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
            UseProvider(options, store, services.GetRequiredService<SqlitePragmaInterceptor>(), services.GetRequiredService<IdentityCacheInvalidation>());
        }, poolSize: ContextPoolSize);
        builder.Services.AddSingleton(services =>
            new WriterGate(services.GetRequiredService<IOptions<StoreOptions>>().Value.Provider == DatabaseProvider.Sqlite));
        builder.Services.AddScoped<TurnTransaction>();
        builder.Services.AddScoped<ActivityDedup>();
        builder.Services.AddScoped<TicketNumberAllocator>();
        builder.Services.AddScoped<AnnouncementChunkWriter>();
        // The index is provider-specific: SQLite has the FTS5 trigram table of the Announcements migration; PostgreSQL
        // scans until a pg_trgm index and its implementation are added.
        if (StoreSettings.ProviderOf(configuration) == DatabaseProvider.PostgreSql)
        {
            builder.Services.AddScoped<IAnnouncementSearch, ScanAnnouncementSearch>();
        }
        else
        {
            builder.Services.AddScoped<IAnnouncementSearch, SqliteAnnouncementSearch>();
        }
        // First hosted service: everything after it may assume the schema exists.
        builder.Services.AddHostedService<DatabaseMigrator>();
        AddCoordination(builder.Services, StoreSettings.RedisConfigurationOf(configuration));
        return builder;
    }

    /// <summary>How many idle contexts the pool keeps at most.</summary>
    public const int ContextPoolSize = 128;

    /// <summary>The provider <c>Database:Provider</c> names, with its own migrations (SQLite's here, PostgreSQL's in
    /// <see cref="StoreOptions.PostgreSqlMigrationsAssembly"/>).</summary>
    /// <param name="identity">The host's invalidation of its cached identity data; null outside a host (design time, tools).</param>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, StoreOptions store, SqlitePragmaInterceptor? pragmas = null, IdentityCacheInvalidation? identity = null)
    {
        if (identity is not null)
        {
            options.AddInterceptors(identity);
        }

        if (store.Provider == DatabaseProvider.PostgreSql)
        {
            return options.UseNpgsql(store.ConnectionString, npgsql => npgsql.MigrationsAssembly(StoreOptions.PostgreSqlMigrationsAssembly));
        }

        EnsureFolderOf(store.ConnectionString);
        options.UseSqlite(store.ConnectionString);
        return options.AddInterceptors(pragmas ?? new SqlitePragmaInterceptor());
    }

    private static void AddCoordination(IServiceCollection services, string? redisConfiguration)
    {
        if (string.IsNullOrWhiteSpace(redisConfiguration))
        {
            services.AddSingleton<ITurnLock, InProcessTurnLock>();
            services.AddSingleton<IProcessedActivityCache, InProcessActivityCache>();
            return;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            ConfigurationOptions redisOptions;
            try
            {
                redisOptions = ConfigurationOptions.Parse(redisConfiguration);
            }
            catch (ArgumentException ex)
            {
                throw new OptionsValidationException("Redis:Configuration", typeof(RedisOptions), [$"Redis:Configuration is invalid: {ex.Message}"]);
            }

            // StackExchange.Redis' async API takes no token: these timeouts are what bounds every call.
            redisOptions.ConnectTimeout = Math.Min(redisOptions.ConnectTimeout, 5000);
            redisOptions.AsyncTimeout = Math.Min(redisOptions.AsyncTimeout, 2000);
            // Start (and keep running) while Redis is down: the seams fall back (RedisOutage) and /readyz says so.
            redisOptions.AbortOnConnectFail = false;
            // While disconnected a command fails at once (the seam falls back) instead of queueing until its timeout, and
            // the connection is retried every second, so a returning Redis is used again within a second or two.
            redisOptions.BacklogPolicy = BacklogPolicy.FailFast;
            redisOptions.ReconnectRetryPolicy = new LinearRetry(1000);
            return ConnectionMultiplexer.Connect(redisOptions);
        });
        services.AddSingleton<RedisKeys>();
        services.AddSingleton<RedisOutage>();
        services.AddSingleton<ITurnLock, RedisTurnLock>();
        services.AddSingleton<IProcessedActivityCache, RedisActivityCache>();
    }

    private static void EnsureFolderOf(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
