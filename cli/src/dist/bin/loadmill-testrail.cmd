@echo off
rem loadmill-testrail: runs Loadmill API tests and publishes the results to TestRail.
rem Needs Java 17 or newer: JAVA_HOME, or java on the PATH. JAVA_OPTS is passed to the JVM.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (
    set "JAVACMD=%JAVA_HOME%\bin\java.exe"
) else (
    set "JAVACMD=java.exe"
)
if defined JAVA_HOME if not exist "%JAVACMD%" (
    echo error: JAVA_HOME is %JAVA_HOME%, but %JAVACMD% is not there; set JAVA_HOME to a Java 17+ installation. 1>&2
    exit /b 2
)
"%JAVACMD%" %JAVA_OPTS% -jar "%APP_HOME%\lib\loadmill-testrail.jar" %*
exit /b %ERRORLEVEL%
