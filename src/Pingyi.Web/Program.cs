using Pingyi.Web;
using Pingyi.Web.Cli;

var verb = Verbs.Find(args);
var builder = WebApplication.CreateBuilder(Verbs.HostArguments(args));
builder.AddPingyi();
var app = builder.Build();
app.UsePingyi();

if (verb is not null)
{
    return await Verbs.RunAsync(app, verb, args);
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
