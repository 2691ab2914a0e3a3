using Microsoft.EntityFrameworkCore;

namespace Pingyi.Web.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
