global using InterviewRoom.IntegrationTests.Support;
