package dev.realtime.platform.problem;

/** Thrown by service code to answer with a specific problem; mapped to its status and body. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.problem = Problem.of(status, slug, title, detail);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }
}
