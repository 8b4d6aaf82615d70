package org.relief;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Relief: software for multidisciplinary interventional pain management clinics. */
@SpringBootApplication
public class ReliefApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ReliefApplication.class);
        // the embedded PostgreSQL starts while Spring builds the application, not after (start-up time, issue 16)
        app.addListeners(new org.relief.platform.EarlyDatabaseStart());
        app.run(translate(args));
    }

    /** Accepts the short form {@code --patients 20000} for the size of a generated demo clinic. */
    static String[] translate(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--patients") && i + 1 < args.length) {
                out.add("--relief.demo.patients=" + args[++i]);
            } else if (args[i].startsWith("--patients=")) {
                out.add("--relief.demo.patients=" + args[i].substring("--patients=".length()));
            } else {
                out.add(args[i]);
            }
        }
        return out.toArray(String[]::new);
    }
}
