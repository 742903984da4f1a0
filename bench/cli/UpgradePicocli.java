import java.io.IOException;
import java.lang.classfile.ClassElement;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodElement;
import java.lang.classfile.MethodModel;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Experiment for bench/cli/aot-experiment: copies a jar, rewriting picocli's Java 5 class files
 * (version 49) as Java 8 ones (52) with stack maps computed by the JDK's ClassFile API. The JDK's
 * AOT cache skips classes older than version 50 ("Old class has been linked"), so without this
 * every CLI start loads and verifies picocli's ~230 classes from the jar.
 *
 * Usage: java UpgradePicocli.java in.jar out.jar
 */
public final class UpgradePicocli {
    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        URLClassLoader jar = new URLClassLoader(new URL[] {in.toUri().toURL()}, null);
        ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                        .orElse(ClassHierarchyResolver.ofResourceParsing(jar))));
        int upgraded = 0;
        try (ZipInputStream zipIn = new ZipInputStream(Files.newInputStream(in));
                ZipOutputStream zipOut = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry; (entry = zipIn.getNextEntry()) != null; ) {
                byte[] bytes = zipIn.readAllBytes();
                if (entry.getName().startsWith("picocli/") && entry.getName().endsWith(".class")) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < 50) {
                        bytes = rebuild(classFile, model);
                        upgraded++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zipOut.putNextEntry(copy);
                zipOut.write(bytes);
                zipOut.closeEntry();
            }
        }
        System.err.println("upgraded " + upgraded + " picocli classes to version 52");
    }

    /** Rebuilds every method body so that the ClassFile API generates stack maps for version 52. */
    private static byte[] rebuild(ClassFile classFile, ClassModel model) {
        return classFile.build(model.thisClass().asSymbol(), builder -> {
            builder.withVersion(52, 0);
            for (ClassElement element : model) {
                if (element instanceof ClassFileVersion) {
                    continue;
                }
                if (element instanceof MethodModel method) {
                    builder.withMethod(method.methodName(), method.methodType(), method.flags().flagsMask(), methodBuilder -> {
                        for (MethodElement part : method) {
                            if (part instanceof CodeModel code) {
                                methodBuilder.withCode(codeBuilder -> code.forEach(codeBuilder::with));
                            } else {
                                methodBuilder.with(part);
                            }
                        }
                    });
                } else {
                    builder.with(element);
                }
            }
        });
    }
}
