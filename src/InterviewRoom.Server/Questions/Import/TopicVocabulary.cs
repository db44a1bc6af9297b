using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>A topic tag and the words that signal it.</summary>
internal sealed record TopicTag(string Name, Regex Pattern);

/// <summary>
/// The fixed topic vocabulary, chosen from what the seed covers (backend engineering plus the career and teamwork
/// questions it mixes in). Order is the order tags are listed in.
/// </summary>
internal static class TopicVocabulary
{
    public static IReadOnlyList<TopicTag> Tags { get; } =
    [
        Tag("apis", @"\bapis?\b|\brest(ful)?\b|graphql|\bsoap\b|web ?services?|endpoint|webhook|pagination|rate limit|oauth|api gateway"),
        Tag("databases", @"database|\bsql\b|nosql|mongodb|mysql|postgres|\b(sql|slow|expensive) quer|\bindex(es|ing)?\b|shard|normali[sz]ation|\bacid\b|transaction|trigger|schema|relational|optimistic|pessimistic"),
        Tag("caching", @"cach(e|ing)|redis|\bcdn\b|content delivery"),
        Tag("security", @"secur|authenticat|authori[sz]|oauth|\bjwt\b|single sign-on|\bsso\b|sql injection|\bxss\b|csrf|encrypt|\btls\b|https|gdpr|cryptograph|vulnerab"),
        Tag("concurrency", @"thread|race condition|deadlock|locking|concurren|\basync|asynchronous|wait.free|starvation|multiprocess|\b(im)?mutable"),
        Tag("networking", @"\btcp\b|\bhttp\b|web ?sockets?|latency|network|\bdns\b|proxy|load balanc|response (error )?codes|web server"),
        Tag("architecture", @"microservice|architect|\bmvc\b|\bsoa\b|event-driven|domain-driven|coupling|cqrs|monolith|design pattern|dependency injection|anti-corruption|saga|gateway|stateless|stateful|software design|lock-in|reinvent|invented here|ioc container|scaffolding"),
        Tag("scalability", @"\bscal(e|es|able|ability|ing)\b|high traffic|traffic|shard|horizontal|vertical|load balanc|heavy data|millions of users"),
        Tag("messaging", @"message queue|\bqueue\b|kafka|rabbitmq|pub/?sub|event-driven|asynchronous communication|webhook|data streams"),
        Tag("distributed-systems", @"distributed|eventual consistency|strong consistency|\bcap theorem\b|consensus|\bsaga\b|real-time data sync|data consistency"),
        Tag("reliability", @"fault toleran|error handling|error management|exceptions|backward compatib|disk space|data integrity|anomal|transactionality|robustness"),
        Tag("observability", @"logging|monitor|observability|instrument|tracing"),
        Tag("performance", @"performan|\boptimi[sz](e|es|ed|ing|ation)\b|latency|slow|profil|bottleneck|expensive|\bcheap\b|\bcpus?\b"),
        Tag("testing", @"\btest(s|ing)?\b"),
        Tag("devops", @"deploy|ci/cd|continuous (integration|delivery|deployment)|docker|kubernetes|environment variables|\bcloud\b|\baws\b|migrations?\b|disk space|automate"),
        Tag("version-control", @"version control|\bgit\b|\bsvn\b"),
        Tag("algorithms", @"algorithm|hash table|depth-first|breadth-first|\bsearch(es)?\b|\bsort|recursi|data structure|0\.1 \+ 0\.2|duplicates|\bloop\b"),
        Tag("nodejs", @"node\.?js|express(js)?\b|\bnpm\b"),
        Tag("python", @"python|django"),
        Tag("java", @"\bjava\b|spring"),
        Tag("php", @"\bphp\b"),
        Tag("languages", @"javascript|function\.prototype|\bruby\b|rails|programming languages|\b(im)?mutable|global and static|object-oriented|data abstraction|programming environments|frameworks or libraries|code snippet|\bcode\b"),
        Tag("web", @"\bweb\b|web ?sockets?|frontend|single page|browser|e-commerce|quora|web server|web application"),
        Tag("teamwork", @"\bteam\b|mentor|collaborat|soft skills|colleagues|\blead the\b|non-technical|hiring managers|developers not to leave"),
        Tag("process", @"\bproject\b|deadline|prioriti[sz]e|kanban|workflow|deliver a feature|code quality|development process|performance testing|reinvent|invented here|lock-in"),
        Tag("career", @"proud|achieved|motivat|employer|\blearn\b|your experience|familiarity|backend developer|\binterview|career|experienced with|what did you learn|your understanding"),
        Tag("systems", @"\bcpus?\b|\bdisk\b|defrag|\bfiles?\b|process starvation|exit codes|\bthreads\b|multiprocessing|memory"),
    ];

    private static TopicTag Tag(string name, string pattern) =>
        new(name, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));
}
