package dev.jcoder.codersdk;

/** {@code POST /users/first}: the deployment's first user, who becomes its owner. */
public record CreateFirstUserRequest(
        String email, String username, String name, String password, boolean trial, TrialInfo trialInfo) {
    public CreateFirstUserRequest(String email, String username, String name, String password) {
        this(email, username, name, password, false, null);
    }

    /** Contact details that Coder collects for a trial license; accepted and ignored here. */
    public record TrialInfo(
            String firstName,
            String lastName,
            String phoneNumber,
            String jobTitle,
            String companyName,
            String country,
            String developers) {}
}
