namespace InterviewRoom.Server.Web;

/// <summary>The browser pages: static files in wwwroot, with the links the API hands out mapped onto them.</summary>
internal static class Pages
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapFallbackToFile("/room/{roomId:guid}", "interviewer.html");
        routes.MapFallbackToFile("/join/{roomCode}", "candidate.html");
        routes.MapFallbackToFile("/report/{roomId:guid}", "report.html");
        routes.MapFallbackToFile("/queue", "queue.html");
        routes.MapFallbackToFile("/class/join/{classCode}", "class-join.html");
        routes.MapFallbackToFile("/class/{classId:guid}", "class-dashboard.html");
        routes.MapFallbackToFile("/class/{classId:guid}/lobby", "class-lobby.html");
        routes.MapFallbackToFile("/class/{classId:guid}/report", "class-report.html");
        return routes;
    }
}
