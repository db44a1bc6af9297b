using InterviewRoom.Server.Interview;

namespace InterviewRoom.Server.Classes;

internal static class ClassesSetup
{
    public static IServiceCollection AddClasses(this IServiceCollection services) =>
        services
            .AddSingleton<ClassViews>()
            .AddScoped<ClassNotifier>()
            .AddScoped<IRoomChangeHook>(services => services.GetRequiredService<ClassNotifier>())
            .AddScoped<ClassService>()
            .AddScoped<ClassPush>()
            .AddScoped<ClassReportBuilder>();
}
