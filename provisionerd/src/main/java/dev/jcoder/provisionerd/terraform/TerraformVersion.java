package dev.jcoder.provisionerd.terraform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Terraform release number ({@code 1.11.4}, pre-release suffixes ignored for ordering). */
public record TerraformVersion(int major, int minor, int patch) implements Comparable<TerraformVersion> {
    private static final Pattern NUMBERS = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+).*");

    /**
     * The oldest Terraform the provisioner drives: {@code terraform init -json} (machine-readable
     * init output, which the job logs rely on) arrived in 1.9.
     */
    public static final TerraformVersion MINIMUM = new TerraformVersion(1, 9, 0);

    public static TerraformVersion parse(String text) {
        Matcher matcher = NUMBERS.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a Terraform version.");
        }
        return new TerraformVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    @Override
    public int compareTo(TerraformVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
