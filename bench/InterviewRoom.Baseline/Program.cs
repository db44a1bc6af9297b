using InterviewRoom.Contracts;
// A bare SignalR server with the product's message pattern for one interview cycle and a class push, state in
// memory only: the floor the product is compared against (bench/README.md). Same hub paths, method and event
// names, JSON protocol and payload records (InterviewRoom.Contracts) as the product; no database, no rules
// beyond what the pattern needs, a trivial token ("i.", "c." or "k." and an id).
// Usage: dotnet InterviewRoom.Baseline.dll --urls http://127.0.0.1:5100 [--bank questions.json]
using InterviewRoom.Baseline;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(Bank.Load(builder.Configuration["bank"]));
builder.Services.AddSingleton<Store>();
builder.Services.ConfigureHttpJsonOptions(json => WireJson.Configure(json.SerializerOptions));
builder.Services.AddSignalR(hub =>
    {
        hub.MaximumReceiveMessageSize = 256 * 1024;
        hub.KeepAliveInterval = TimeSpan.FromSeconds(10);
        hub.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
    })
    .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions));

var app = builder.Build();
app.MapBaselineApi();
app.MapHub<InterviewHub>(HubNames.Path);
app.MapHub<ClassHub>(ClassHubNames.Path);
app.Run();
