/** Organizations and their members. A default organization always exists; every user joins it. */
package dev.jcoder.coderd.organizations;
