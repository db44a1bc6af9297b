using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Tests.Questions;

/// <summary>Interviewer guidance split out of the answers, labelled and unlabelled, checked by hand per question.</summary>
public sealed class SeedGuidanceTests
{
    [Fact]
    public void Parse_LookForAndRedFlag_AreSplitOutOfQuestion12InOrder()
    {
        var q12 = SeedQuestions.Q(12);

        Assert.Equal(
        [
            new GuidanceItem(GuidanceKind.LookFor, "Specific roles, named companies, measurable outcomes, and clear career progression. Strong candidates reference concrete situations — not general statements about what they 'usually do.'"),
            new GuidanceItem(GuidanceKind.RedFlag, "Answers that never reference a specific project, employer, or measurable result."),
        ], q12.Guidance);
        Assert.Equal(string.Empty, q12.ReferenceAnswer);
    }

    [Theory]
    [InlineData(91, "Balanced view of Java's strengths", "The candidate should discuss performance, robust libraries, strong typing, and enterprise support.")]
    [InlineData(106, "Experience with API design", "The candidate should outline steps including setting up a framework")]
    [InlineData(110, "Strong knowledge of web security practices", "The candidate should discuss SQL injection")]
    [InlineData(123, "Clear understanding of the non-blocking nature of Node.js", "The candidate should discuss the event loop")]
    [InlineData(198, "Proficiency with testing tools", "The candidate should discuss using testing frameworks like RSpec or Minitest")]
    public void Parse_LookForThenWhatToExpect_BecomeTwoGuidanceItems(int number, string lookFor, string whatToExpect)
    {
        var guidance = SeedQuestions.Q(number).Guidance;

        Assert.Equal([GuidanceKind.LookFor, GuidanceKind.WhatToExpect], guidance.Select(g => g.Kind));
        Assert.StartsWith(lookFor, guidance[0].Text);
        Assert.StartsWith(whatToExpect, guidance[1].Text);
    }

    [Theory]
    [InlineData(23, "Learning agility and the ability to deliver under pressure", "My team was awarded a contract")]
    [InlineData(52, "Concrete evidence of technical impact with measurable results.", "At a logistics platform, our shipment tracking API")]
    [InlineData(103, "Systems thinking, not just knowledge of HTTP verbs.", "When designing a scalable API, I start by understanding the domain")]
    public void Parse_WhatTheInterviewerWants_IsGuidanceAndTheSampleAnswerIsTheAnswer(int number, string wants, string answerStart)
    {
        var question = SeedQuestions.Q(number);

        var item = Assert.Single(question.Guidance, g => g.Kind == GuidanceKind.InterviewerWants);
        Assert.StartsWith(wants, item.Text);
        Assert.StartsWith(answerStart, question.ReferenceAnswer);
        Assert.DoesNotContain("Sample Answer", question.ReferenceAnswer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("interviewer", question.ReferenceAnswer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_HowToStructureYourAnswerInQuestion103_IsOtherGuidanceWithItsLabel()
    {
        var other = Assert.Single(SeedQuestions.Q(103).Guidance, g => g.Kind == GuidanceKind.Other);

        Assert.StartsWith("How to structure your answer: Walk through your design process step by step", other.Text);
    }

    [Theory]
    [InlineData(10, "A good candidate should demonstrate familiarity with common algorithms")]
    [InlineData(113, "A good candidate should explain their prioritization methods")]
    [InlineData(133, "Listen for answers that mention indexing, query restructuring, or analyzing the execution plan.")]
    [InlineData(133, "A good candidate should demonstrate an understanding of database performance optimization techniques.")]
    [InlineData(71, "Candidates might mention logging errors, using try-catch blocks")]
    [InlineData(71, "Strong answers should highlight an understanding of user experience and system stability.")]
    [InlineData(71, "Look for answers that detail proactive measures")]
    [InlineData(130, "An ideal response should demonstrate a comprehensive understanding")]
    [InlineData(130, "Look for candidates who can provide examples")]
    [InlineData(182, "A good candidate might mention factors like professional growth opportunities")]
    [InlineData(76, "Candidates should be aware of the steps required")]
    [InlineData(122, "A strong answer should include vision-setting")]
    [InlineData(151, "A strong candidate describes fostering an open, supportive environment")]
    [InlineData(160, "Applicants should be able to give you a few examples")]
    [InlineData(160, "They may mention that they have collaborated")]
    [InlineData(192, "A senior developer should explain how and when to use each type")]
    [InlineData(14, "This question tests your understanding of event-driven programming")]
    [InlineData(14, "Your response gives the interviewer an insight")]
    [InlineData(111, "This question gives you the opportunity to demonstrate your understanding of OAuth")]
    [InlineData(25, "Interviewers use this question to assess your ability")]
    [InlineData(167, "Your interviewer will typically ask this")]
    [InlineData(167, "Address each part in order")]
    [InlineData(179, "To explain SQL queries, you should be able to describe the SQL query structure")]
    [InlineData(116, "Explain that horizontal scaling involves adding more machines")]
    [InlineData(144, "Discuss how a hash table stores key-value pairs")]
    [InlineData(173, "Talk about techniques like caching")]
    [InlineData(115, "Hint: Discuss different techniques like load balancing")]
    public void Parse_UnlabelledGuidanceSentence_IsOtherGuidanceAndLeavesTheAnswer(int number, string sentenceStart)
    {
        var question = SeedQuestions.Q(number);

        Assert.Contains(question.Guidance, g => g.Kind == GuidanceKind.Other && g.Text.StartsWith(sentenceStart, StringComparison.Ordinal));
        Assert.DoesNotContain(sentenceStart, question.ReferenceAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GuidanceAroundAnAnswer_LeavesTheAnswerContent()
    {
        Assert.Equal("Effective error management involves anticipating potential errors and implementing strategies to handle them gracefully.", SeedQuestions.Q(71).ReferenceAnswer);
        Assert.StartsWith("Event-driven programming is a paradigm", SeedQuestions.Q(14).ReferenceAnswer);
        Assert.StartsWith("Some of the essential steps are to: Identify the environment for testing", SeedQuestions.Q(76).ReferenceAnswer);
        Assert.StartsWith("Horizontal scaling involves adding more machines or nodes", SeedQuestions.Q(116).ReferenceAnswer);
    }

    [Fact]
    public void Parse_WhatHiringManagersShouldPayAttentionTo_IsALookForListAndTheExampleIsTheAnswer()
    {
        var q122 = SeedQuestions.Q(122);

        var lookFor = Assert.Single(q122.Guidance, g => g.Kind == GuidanceKind.LookFor);
        Assert.Equal("- Leadership in system design and architecture\n- Knowledge of scalable solutions\n- Ability to delegate and mentor team members", lookFor.Text);
        Assert.Equal("For a high-traffic video streaming service, I led the design incorporating AWS services for scalability, and used NoSQL databases to manage unstructured data efficiently.", q122.ReferenceAnswer);
        Assert.StartsWith("I initiate bi-weekly check-ins with junior developers", SeedQuestions.Q(151).ReferenceAnswer);
    }

    [Fact]
    public void Parse_ApplicantsShouldKnowThat_IsGuidanceAndItsContentStaysInTheAnswer()
    {
        var q55 = SeedQuestions.Q(55);

        Assert.Equal(2, q55.Guidance.Count(g => g.Text.StartsWith("Applicants should know that", StringComparison.Ordinal)));
        Assert.Equal(
            "Continuous deployment refers to a process in which all changes that go through the production pipeline stages are released to clients. With continuous deployment, human intervention is not required. Only when a test fails can new changes be prevented from being deployed.",
            q55.ReferenceAnswer);
    }

    [Fact]
    public void Parse_RealSeed_NoGuidanceLabelOrPatternIsLeftInAnyAnswer()
    {
        string[] leftovers =
        [
            "Look for", "Red flag", "What to Expect", "What the interviewer wants", "A good candidate", "Listen for",
            "Candidates might", "Strong answers", "An ideal response", "Applicants should", "Sample answer", "Sample Answer", "Hint:",
            "Pay Attention To", "This question", "you should be able to",
        ];

        Assert.All(SeedQuestions.All, q =>
            Assert.DoesNotContain(leftovers, l => q.ReferenceAnswer.Contains(l, StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_QuestionWithoutGuidance_HasNone()
    {
        Assert.Empty(SeedQuestions.Q(5).Guidance);
        Assert.Empty(SeedQuestions.Q(17).Guidance);
    }
}
