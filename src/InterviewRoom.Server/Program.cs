using InterviewRoom.Contracts;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Classes;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Matchmaking;
using InterviewRoom.Server.PersonalData;
using InterviewRoom.Server.Questions;
using InterviewRoom.Server.Reports;
using InterviewRoom.Server.Rooms;
using InterviewRoom.Server.Scoring;
using InterviewRoom.Server.Web;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAppLogging(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsHandler>();
builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(json => WireJson.Configure(json.SerializerOptions));
builder.Services.AddDatabase();
builder.Services.AddStartupTasks();
builder.Services.AddRoomTokens();
builder.Services.AddOriginCheck();
builder.Services.AddTrustedProxies();
builder.Services.AddRooms();
builder.Services.AddQuestionBank();
builder.Services.AddReports();
builder.Services.AddInterview(builder.Configuration);
builder.Services.AddScoring();
builder.Services.AddMatchmaking();
builder.Services.AddClasses();
builder.Services.AddPersonalData();

var app = builder.Build();

app.UseTrustedProxies();
app.UseExceptionHandler();
app.UseErrorPages();
app.UseSerilogRequestLogging();
app.UseSecurityHeaders();
app.UseOriginCheck();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealth();
app.MapRooms();
app.MapQuestions();
app.MapReports();
app.MapInterview();
app.MapMatchmaking();
app.MapClasses();
app.MapPersonalData();
app.MapPages();

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
